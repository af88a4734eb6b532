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
