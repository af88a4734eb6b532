import DocketCore
import Foundation

/// What a clerk supplies to register a body.
public struct NewBody: Sendable {
    public var name: String
    public var code: String
    public var numbering: NumberingScheme
    public var term: String
    public var quorum: QuorumRule

    public init(
        name: String, code: String, numbering: NumberingScheme = .party, term: String = "", quorum: QuorumRule = .majority
    ) {
        self.name = name
        self.code = code
        self.numbering = numbering
        self.term = term
        self.quorum = quorum
    }
}
