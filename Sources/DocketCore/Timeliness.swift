import Foundation

/// How a task stood against its deadline on a date (DESIGN.md, "Task timeliness").
public enum Timeliness: String, Sendable, Codable, CaseIterable {
    case completedOnTime = "completed-on-time"
    case completedLate = "completed-late"
    /// Started, not completed, deadline not passed.
    case inProgress = "in-progress"
    /// Deadline before the date, not completed.
    case overdue
    /// Not started, deadline not passed.
    case notYetDue = "not-yet-due"
    /// Cancelled on or before the date; not counted for or against anyone.
    case cancelled
}

/// Which deadline a report counts against.
public enum DeadlineBasis: String, Sendable, Codable, CaseIterable, NamedValue {
    /// The deadline after the extensions granted by the as-of date.
    case current
    /// The deadline first set, ignoring extensions.
    case original
    public static let kind = "deadline basis"
}

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

/// How many tasks of a report row fall in each class.
public struct TimelinessCounts: Sendable, Codable, Equatable {
    public var total = 0
    public var completedOnTime = 0
    public var completedLate = 0
    public var inProgress = 0
    public var overdue = 0
    public var notYetDue = 0
    public var cancelled = 0
    /// Of the tasks not completed and not overdue, those due within the report's due-soon window.
    public var dueSoon = 0
    /// Completed on time as a percentage of the tasks that were due or done by the date
    /// (completed on time + completed late + overdue), to one decimal; nil when there are none.
    public var onTimePercent: Double?

    public init() {}

    public mutating func add(_ timeliness: Timeliness, dueSoon: Bool) {
        total += 1
        switch timeliness {
        case .completedOnTime: completedOnTime += 1
        case .completedLate: completedLate += 1
        case .inProgress: inProgress += 1
        case .overdue: overdue += 1
        case .notYetDue: notYetDue += 1
        case .cancelled: cancelled += 1
        }
        if dueSoon { self.dueSoon += 1 }
        let judged = completedOnTime + completedLate + overdue
        onTimePercent = judged == 0 ? nil : Double((completedOnTime * 1000 + judged / 2) / judged) / 10
    }
}
