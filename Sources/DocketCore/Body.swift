import Foundation

/// How a body numbers the documents it issues (DESIGN.md, "Document numbering").
public enum NumberingScheme: String, Sendable, Codable, CaseIterable {
    /// Party documents: one sequence per type per issuer per committee term.
    case party
    /// State documents: one sequence per type per issuer per calendar year.
    case state
}

/// A body that meets: a steering committee, a party committee, a working group.
public struct Body: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Short code used in document symbols, e.g. `BCĐCĐS` in `06-TB/BCĐCĐS`.
    public var code: String
    public var numbering: NumberingScheme
    /// The current committee term, e.g. `2020-2025` (party numbering restarts with a new term).
    public var term: String
    /// How many entitled participants make a quorum.
    public var quorum: QuorumRule
    public var createdAt: Date

    public init(
        id: String, name: String, code: String, numbering: NumberingScheme, term: String, quorum: QuorumRule = .majority,
        createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.code = code
        self.numbering = numbering
        self.term = term
        self.quorum = quorum
        self.createdAt = createdAt
    }
}

extension NumberingScheme: NamedValue {
    public static let kind = "numbering scheme"
}

/// A member of a body's roster: the people its quorum rule counts, whether or not a session
/// invites them.
public struct BodyMember: Sendable, Codable, Equatable {
    public var bodyID: String
    public var userID: String
    public var addedAt: Date

    public init(bodyID: String, userID: String, addedAt: Date) {
        self.bodyID = bodyID
        self.userID = userID
        self.addedAt = addedAt
    }
}
