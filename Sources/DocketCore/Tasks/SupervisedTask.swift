import Foundation

/// A task under supervision (nhiệm vụ): who leads it, by when, and where it came from.
/// Its current state is kept here; what it was on any date comes from its `TaskEvent`s.
public struct SupervisedTask: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var planID: String
    /// Unique within the plan, e.g. `1.3`.
    public var code: String
    public var title: String
    public var description: String
    /// The symbol of the notice that assigned it, e.g. `06-TB/BCĐCĐS`.
    public var sourceSymbol: String?
    /// The session conclusion it came from, and its place in that conclusion's task list.
    public var conclusionID: String?
    public var conclusionTask: Int?
    public var group: Int?
    public var phase: String?
    public var leadAgency: String
    public var coordinatingAgencies: [String]
    /// The user responsible, when one is named.
    public var assigneeID: String?
    /// The day it was assigned; it does not exist in reports as of an earlier day.
    public var assignedOn: CalendarDate
    public var originalDeadline: CalendarDate
    /// The deadline after the extensions granted so far.
    public var deadline: CalendarDate
    public var key: Bool
    public var status: TaskStatus
    public var completedOn: CalendarDate?
    public var evidence: [String]
    public var cancelReason: String?
    /// The latest reported percent done.
    public var percent: Int
    public var createdBy: String
    public var createdAt: Date
    /// The incoming document whose direction assigned it, when one did.
    public var entryID: String?

    public init(
        id: String, planID: String, code: String, title: String, description: String = "", sourceSymbol: String? = nil,
        conclusionID: String? = nil, conclusionTask: Int? = nil, group: Int? = nil, phase: String? = nil,
        leadAgency: String, coordinatingAgencies: [String] = [], assigneeID: String? = nil, assignedOn: CalendarDate,
        deadline: CalendarDate, key: Bool = false, createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.planID = planID
        self.code = code
        self.title = title
        self.description = description
        self.sourceSymbol = sourceSymbol
        self.conclusionID = conclusionID
        self.conclusionTask = conclusionTask
        self.group = group
        self.phase = phase
        self.leadAgency = leadAgency
        self.coordinatingAgencies = coordinatingAgencies
        self.assigneeID = assigneeID
        self.assignedOn = assignedOn
        self.originalDeadline = deadline
        self.deadline = deadline
        self.key = key
        self.status = .assigned
        self.completedOn = nil
        self.evidence = []
        self.cancelReason = nil
        self.percent = 0
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// Whether an agency leads or coordinates the task.
    public func involves(agency: String?) -> Bool {
        guard let agency else { return false }
        return leadAgency == agency || coordinatingAgencies.contains(agency)
    }
}
