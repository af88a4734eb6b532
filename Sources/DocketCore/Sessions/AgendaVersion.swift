import Foundation

/// A frozen copy of the agenda, made each time it changes after invitations are out.
public struct AgendaVersion: Sendable, Codable, Equatable {
    public var sessionID: String
    /// 1 when invitations went out, then one more per change.
    public var version: Int
    public var items: [NumberedAgendaItem]
    /// What changed, in words.
    public var change: String
    public var createdBy: String
    public var createdAt: Date

    public init(
        sessionID: String, version: Int, items: [NumberedAgendaItem], change: String, createdBy: String, createdAt: Date
    ) {
        self.sessionID = sessionID
        self.version = version
        self.items = items
        self.change = change
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
