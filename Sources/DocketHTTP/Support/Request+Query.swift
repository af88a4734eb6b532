import DocketCore
import Foundation
import Hummingbird

extension Request {
    /// A query parameter as text, nil when absent or empty: a form's empty field (`type=`) means
    /// "not given", as a browser sends it. Decoded as HTML forms encode it: `+` is a space and
    /// `%2B` a plus sign, so `title=Ngh%E1%BB%8B+quy%E1%BA%BFt` finds "Nghị quyết".
    func query(_ name: String) -> String? {
        for pair in (uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.formDecoded(parts[0]) == name else { continue }
            guard parts.count == 2, let value = Self.formDecoded(parts[1]), !value.isEmpty else { return nil }
            return value
        }
        return nil
    }

    private static func formDecoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A whole-number query parameter; a non-number is a 422 naming the parameter.
    func queryInt(_ name: String) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text) else { throw DocketError.invalid(name, "\(name) must be a whole number, got '\(text)'") }
        return value
    }

    /// `limit` and `offset`.
    func page() throws -> Page { try Page(limit: queryInt("limit"), offset: queryInt("offset")) }
}

extension Parameters {
    /// A path parameter that the route guarantees.
    func require(_ name: String) throws -> String {
        guard let value = get(name) else { throw DocketError.invalid(name, "missing \(name) in the path") }
        return value
    }
}
