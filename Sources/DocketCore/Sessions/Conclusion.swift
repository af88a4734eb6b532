import Foundation

/// What the chair concluded, for the whole session or one agenda item.
public struct Conclusion: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    public var agendaItemID: String?
    public var text: String
    public var tasks: [AssignedTask]
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, sessionID: String, agendaItemID: String?, text: String, tasks: [AssignedTask], createdBy: String,
        createdAt: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.agendaItemID = agendaItemID
        self.text = text
        self.tasks = tasks
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
