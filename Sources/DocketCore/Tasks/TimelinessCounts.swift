import Foundation

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
