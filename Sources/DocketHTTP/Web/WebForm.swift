import DocketCore
import Foundation
import HTTPTypes
import Hummingbird

/// A submitted form, read once by the authenticator, which checks its CSRF token before any
/// handler sees it: `application/x-www-form-urlencoded`, or `multipart/form-data` when it carries
/// files (read whole, up to the server's upload limit).
struct WebForm: Sendable {
    struct File: Sendable {
        let filename: String
        let data: Data
    }

    private var fields: [(name: String, value: String)] = []
    private(set) var files: [String: File] = [:]

    init(_ request: Request, maxUploadSize: Int64) async throws {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data") else {
            self.init(encoded: String(buffer: try await request.body.collect(upTo: 64 * 1024)))
            return
        }
        guard let boundary = type.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
            !boundary.isEmpty, boundary != type
        else { throw DocketError.invalid("form", "a multipart form without its boundary") }
        let body = try await request.body.collect(upTo: Int(maxUploadSize))
        try self.init(multipart: Data(body.readableBytesView), boundary: boundary)
    }

    init(encoded: String) {
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields.append((parts[0], parts.count > 1 ? parts[1] : ""))
        }
    }

    /// RFC 7578: parts separated by `--BOUNDARY`, each with its headers, a blank line and its content.
    init(multipart body: Data, boundary: String) throws {
        let delimiter = Data("\r\n--\(boundary)".utf8)
        let blankLine = Data("\r\n\r\n".utf8)
        // The first delimiter has no line break before it.
        let data = Data("\r\n".utf8) + body
        guard var start = data.range(of: delimiter)?.upperBound else {
            throw DocketError.invalid("form", "the multipart form has no part")
        }
        while true {
            if data[start...].starts(with: Data("--".utf8)) { break }
            guard let headersEnd = data.range(of: blankLine, in: start..<data.endIndex),
                let next = data.range(of: delimiter, in: headersEnd.upperBound..<data.endIndex)
            else { throw DocketError.invalid("form", "the multipart form ends inside a part") }
            let headers = String(decoding: data[start..<headersEnd.lowerBound], as: UTF8.self)
            let content = data[headersEnd.upperBound..<next.lowerBound]
            guard let disposition = headers.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = Self.parameter("name", in: disposition)
            else { throw DocketError.invalid("form", "a part of the multipart form has no name") }
            if let filename = Self.parameter("filename", in: disposition) {
                if !filename.isEmpty { files[name] = File(filename: filename, data: Data(content)) }
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
            start = next.upperBound
        }
    }

    /// A quoted parameter of a `Content-Disposition` header, e.g. `name="file"`.
    private static func parameter(_ key: String, in header: String) -> String? {
        guard let range = header.range(of: "; \(key)=\"") ?? header.range(of: ";\(key)=\"") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The first value of `name`, trimmed; nil when absent or empty.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    /// Every field as typed (the first value of each; not the CSRF token), to show a form again.
    var values: [String: String] {
        var values: [String: String] = [:]
        for (name, value) in fields where name != "csrf" && values[name] == nil { values[name] = value }
        return values
    }

    /// `name` as a whole number, or an error naming the field.
    func integer(_ name: String) throws -> Int {
        guard let text = self[name], let value = Int(text) else {
            throw DocketError.invalid(name, "'\(self[name] ?? "")' is not a whole number")
        }
        return value
    }
}
