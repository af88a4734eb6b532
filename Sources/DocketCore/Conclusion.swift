import Foundation

/// A task a conclusion assigns, in the form task supervision takes over.
public struct AssignedTask: Sendable, Codable, Equatable {
    public var title: String
    /// Code of the lead agency (cơ quan chủ trì).
    public var leadAgency: String
    /// Codes of the coordinating agencies (cơ quan phối hợp).
    public var coordinatingAgencies: [String]
    /// The deadline, a calendar date `YYYY-MM-DD`.
    public var deadline: String

    public init(title: String, leadAgency: String, coordinatingAgencies: [String] = [], deadline: String) {
        self.title = title
        self.leadAgency = leadAgency
        self.coordinatingAgencies = coordinatingAgencies
        self.deadline = deadline
    }
}

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

/// A correction to a closed session, kept beside the original.
public struct Amendment: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    /// What was corrected, e.g. `attendance usr_…` or `conclusion con_…`.
    public var subject: String
    public var reason: String
    /// The record as it was, and as it is now (JSON).
    public var before: String
    public var after: String
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, sessionID: String, subject: String, reason: String, before: String, after: String, createdBy: String,
        createdAt: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.subject = subject
        self.reason = reason
        self.before = before
        self.after = after
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
