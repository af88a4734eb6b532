import DocketCore
import Foundation

/// What a clerk supplies to assign a task; text fields as typed, checked by the service.
public struct NewTask: Sendable, Codable, Equatable {
    public var code: String
    public var title: String
    public var description: String?
    /// The symbol of the notice that assigned it.
    public var source: String?
    public var group: Int?
    public var phase: String?
    public var leadAgency: String
    public var coordinatingAgencies: [String]?
    /// The assignee's username.
    public var assignee: String?
    public var deadline: String
    public var key: Bool?
    /// The day it was assigned, `YYYY-MM-DD`; today when absent.
    public var assignedOn: String?

    public init(
        code: String, title: String, description: String? = nil, source: String? = nil, group: Int? = nil,
        phase: String? = nil, leadAgency: String, coordinatingAgencies: [String]? = nil, assignee: String? = nil,
        deadline: String, key: Bool? = nil, assignedOn: String? = nil
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.source = source
        self.group = group
        self.phase = phase
        self.leadAgency = leadAgency
        self.coordinatingAgencies = coordinatingAgencies
        self.assignee = assignee
        self.deadline = deadline
        self.key = key
        self.assignedOn = assignedOn
    }
}
