import Foundation

/// What timeliness needs to know about a task on a date: its status then, when it was completed,
/// and the deadline that applied.
public struct TaskStanding: Sendable, Equatable {
    public var status: TaskStatus
    public var completedOn: CalendarDate?
    public var deadline: CalendarDate

    public init(status: TaskStatus, completedOn: CalendarDate?, deadline: CalendarDate) {
        self.status = status
        self.completedOn = completedOn
        self.deadline = deadline
    }

    /// How task `taskID` stood, from its latest status event in effect as a report's query gives
    /// it (`"STATUS YYYY-MM-DD"`, nil when none: still assigned) and the deadline that applied.
    public init(taskID: String, latestStatus: String?, deadline: CalendarDate) throws {
        self.init(status: .assigned, completedOn: nil, deadline: deadline)
        guard let latestStatus else { return }
        let parts = latestStatus.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let stored = TaskStatus(rawValue: parts[0]) else {
            throw DocketError(.internalError, "task \(taskID) has the unknown status '\(parts[0])' in its history")
        }
        status = stored
        if status == .completed { completedOn = parts.count == 2 ? CalendarDate(parts[1]) : nil }
    }

    /// The task as the world was on `date`, from its history: only events that took effect on or
    /// before it count. Nil when the task was not yet assigned.
    public init?(_ task: SupervisedTask, events: [TaskEvent], asOf date: CalendarDate, basis: DeadlineBasis) {
        guard task.assignedOn <= date else { return nil }
        var status = TaskStatus.assigned
        var statusOn = task.assignedOn
        var deadline = task.originalDeadline
        var deadlineOn: CalendarDate?
        for event in events where event.effectiveOn <= date {
            switch event.kind {
            case .status where event.effectiveOn >= statusOn:
                status = event.status ?? status
                statusOn = event.effectiveOn
            case .extension where basis == .current && event.effectiveOn >= (deadlineOn ?? event.effectiveOn):
                deadline = event.deadline ?? deadline
                deadlineOn = event.effectiveOn
            default: break
            }
        }
        self.init(status: status, completedOn: status == .completed ? statusOn : nil, deadline: deadline)
    }

    /// The task's class on `date`.
    public func timeliness(asOf date: CalendarDate) -> Timeliness {
        switch status {
        case .cancelled: .cancelled
        case .completed: (completedOn ?? date) <= deadline ? .completedOnTime : .completedLate
        case .inProgress, .assigned:
            if deadline < date { .overdue } else if status == .inProgress { .inProgress } else { .notYetDue }
        }
    }

    /// Not completed and due within `days` days of `date` (deadline not passed).
    public func isDueSoon(asOf date: CalendarDate, within days: Int) -> Bool {
        (status == .assigned || status == .inProgress) && deadline >= date && date.days(until: deadline) <= days
    }
}
