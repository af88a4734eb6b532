import DocketCore
import Foundation

/// What a timeliness report is asked for.
public struct TaskReportQuery: Sendable, Equatable {
    /// A plan's id or symbol; every plan when nil.
    public var plan: String?
    /// Today (in the office's time zone) when nil.
    public var asOf: CalendarDate?
    public var by: TaskReportGrouping
    public var basis: DeadlineBasis
    /// "Due soon" means due within this many days of `asOf`.
    public var dueSoonDays: Int

    public init(
        plan: String? = nil, asOf: CalendarDate? = nil, by: TaskReportGrouping = .agency, basis: DeadlineBasis = .current,
        dueSoonDays: Int = 7
    ) {
        self.plan = plan
        self.asOf = asOf
        self.by = by
        self.basis = basis
        self.dueSoonDays = dueSoonDays
    }
}
