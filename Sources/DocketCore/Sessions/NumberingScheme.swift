import Foundation

/// How a body numbers the documents it issues (DESIGN.md, "Document numbering").
public enum NumberingScheme: String, Sendable, Codable, CaseIterable {
    /// Party documents: one sequence per type per issuer per committee term.
    case party
    /// State documents: one sequence per type per issuer per calendar year.
    case state
}

extension NumberingScheme: NamedValue {
    public static let kind = "numbering scheme"
}
