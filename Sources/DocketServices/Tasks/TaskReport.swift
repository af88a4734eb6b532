import DocketCore
import Foundation

/// Tasks counted by timeliness as of a date, one row per agency, group, phase, plan or month.
public struct TaskReport: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var key: String
        public var label: String
        public var counts: TimelinessCounts

        public init(key: String, label: String, counts: TimelinessCounts) {
            self.key = key
            self.label = label
            self.counts = counts
        }
    }

    public var asOf: CalendarDate
    /// The plan's symbol; nil for every plan.
    public var plan: String?
    public var by: TaskReportGrouping
    public var basis: DeadlineBasis
    public var dueSoonDays: Int
    public var rows: [Row]
    public var totals: TimelinessCounts
}
