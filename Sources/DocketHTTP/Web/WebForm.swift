import DocketCore
import Foundation
import HTTPTypes
import Hummingbird

/// A submitted form (`application/x-www-form-urlencoded`): its fields as sent, read once by the
/// authenticator, which checks its CSRF token before any handler sees it.
struct WebForm: Sendable {
    private var fields: [(name: String, value: String)] = []

    init(_ request: Request, context: DocketRequestContext) async throws {
        let body = try await request.body.collect(upTo: 64 * 1024)
        self.init(encoded: String(buffer: body))
    }

    init(encoded: String) {
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields.append((parts[0], parts.count > 1 ? parts[1] : ""))
        }
    }

    /// The first value of `name`, trimmed; nil when absent or empty.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    /// `name` as a whole number, or an error naming the field.
    func integer(_ name: String) throws -> Int {
        guard let text = self[name], let value = Int(text) else {
            throw DocketError.invalid(name, "'\(self[name] ?? "")' is not a whole number")
        }
        return value
    }
}
