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
}

extension Classification: NamedValue {
    public static let kind = "classification"
}
