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

extension NewBody {
    /// From what a clerk typed or sent, the same from the CLI and over HTTP: an unknown name is an
    /// error naming its field; an absent one takes the default (party numbering, majority quorum).
    public init(name: String, code: String, numbering: String?, term: String?, quorum: String?) throws {
        self.init(
            name: name, code: code, numbering: try NumberingScheme.parse(optional: numbering, field: "numbering") ?? .party,
            term: term ?? "", quorum: try QuorumRule.parse(optional: quorum, field: "quorum") ?? .majority)
    }
}
