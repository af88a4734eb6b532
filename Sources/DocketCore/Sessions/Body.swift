import Foundation

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
