import Foundation

/// Small JSON written by hand where it runs on every change and JSONEncoder is slow to set up.
public enum JSONText {
    /// A string literal (RFC 8259 escaping).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An array of strings.
    public static func array(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ",") + "]"
    }

    /// An array of strings read back; anything else is an internal error naming `field`.
    public static func strings(_ text: String, field: String) throws -> [String] {
        guard let items = try? decoder.decode([String].self, from: Data(text.utf8)) else {
            throw DocketError(.internalError, "\(field) holds '\(text)', not a JSON array of strings")
        }
        return items
    }

    private static let decoder = JSONDecoder()
}
