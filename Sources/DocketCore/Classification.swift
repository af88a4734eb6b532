/// How sensitive a document is; users read only up to their clearance.
public enum Classification: String, Sendable, Codable, CaseIterable, Comparable {
    case `public`
    case `internal`
    case confidential
    case secret
    case topSecret = "top-secret"

    /// Ordered from least to most sensitive.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Classification, rhs: Classification) -> Bool { lhs.rank < rhs.rank }

    /// Parses a name such as `confidential` or `top-secret`, naming `field` when it is wrong.
    public static func parse(_ text: String, field: String) throws -> Classification {
        guard let value = Classification(rawValue: text.lowercased()) else {
            throw DocketError.invalid(field, "unknown classification '\(text)'; expected one of \(choices)")
        }
        return value
    }

    /// The valid names, for messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
