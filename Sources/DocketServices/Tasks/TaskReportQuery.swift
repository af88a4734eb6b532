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

extension TaskReportQuery {
    /// From what a reader typed or sent, named the same everywhere (`asOf`, `by`, `against`,
    /// `dueSoon`): by agency, against current deadlines, due soon within 7 days, as of today.
    public init(plan: String?, asOf: String?, by: String?, against: String?, dueSoon: Int?) throws {
        if let dueSoon, !(0...366).contains(dueSoon) {
            throw DocketError.invalid("dueSoon", "due soon is 0 to 366 days; got \(dueSoon)")
        }
        self.init(
            plan: plan, asOf: try CalendarDate.parse(optional: asOf, field: "asOf"),
            by: try TaskReportGrouping.parse(optional: by, field: "by") ?? .agency,
            basis: try DeadlineBasis.parse(optional: against, field: "against") ?? .current, dueSoonDays: dueSoon ?? 7)
    }
}
