import DocketCore
import Foundation

/// A task with its plan's symbol, and how it stood on a day (today unless asked) with its
/// history up to that day.
public struct TaskDetail: Sendable, Codable, Equatable {
    /// How the task stood on `asOf`, from its history.
    public struct Standing: Sendable, Codable, Equatable {
        public var status: TaskStatus
        public var deadline: CalendarDate
        public var completedOn: CalendarDate?
        /// The last progress reported by then.
        public var percent: Int?

        public init(status: TaskStatus, deadline: CalendarDate, completedOn: CalendarDate?, percent: Int?) {
            self.status = status
            self.deadline = deadline
            self.completedOn = completedOn
            self.percent = percent
        }
    }

    /// The task as it is now.
    public var task: SupervisedTask
    public var plan: String
    public var asOf: CalendarDate
    /// Nil when the task was not yet assigned on `asOf`.
    public var standing: Standing?
    public var timeliness: Timeliness
    /// The events that took effect on or before `asOf`.
    public var history: [TaskEvent]
}
