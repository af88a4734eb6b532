import DocketCore
import Foundation

/// What report rows group tasks by.
public enum TaskReportGrouping: String, Sendable, Codable, CaseIterable, NamedValue {
    case plan, agency, group, phase
    case dueMonth = "due-month"
    public static let kind = "grouping"
}

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

/// An overdue task as the overdue list shows it.
public struct OverdueTask: Sendable, Codable, Equatable {
    public var id: String
    public var plan: String
    public var code: String
    public var title: String
    public var leadAgency: String
    public var deadline: CalendarDate
    public var daysOverdue: Int
    public var source: String?
    public var key: Bool
}

/// An agency's place in the scorecard.
public struct AgencyScore: Sendable, Codable, Equatable {
    /// Equal on-time shares share a rank.
    public var rank: Int
    public var agency: String
    public var name: String
    public var counts: TimelinessCounts
}

extension TaskService {
    /// Counts tasks by timeliness as of `query.asOf`, computed from each task's history
    /// (readers of all tasks: admin, clerk, chair, auditor).
    public func report(_ query: TaskReportQuery, as actor: User) async throws -> TaskReport {
        try actor.require(.readAllTasks)
        guard (0...366).contains(query.dueSoonDays) else {
            throw DocketError.invalid("dueSoonDays", "due soon is 0 to 366 days, got \(query.dueSoonDays)")
        }
        let asOf = query.asOf ?? configuration.today()
        return try await storage.read { reader in
            let plan = try query.plan.map { try Self.plan($0, in: reader) }
            var labels = try ReportLabels(plan: plan, by: query.by, in: reader)
            var rows: [String: TaskReport.Row] = [:]
            var totals = TimelinessCounts()
            try reader.forEachTaskStanding(planID: plan?.id, asOf: asOf, basis: query.basis) { task in
                let timeliness = task.standing.timeliness(asOf: asOf)
                let dueSoon = task.standing.isDueSoon(asOf: asOf, within: query.dueSoonDays)
                let (key, label) = try labels.row(for: task)
                rows[key, default: TaskReport.Row(key: key, label: label, counts: TimelinessCounts())].counts
                    .add(timeliness, dueSoon: dueSoon)
                totals.add(timeliness, dueSoon: dueSoon)
            }
            return TaskReport(
                asOf: asOf, plan: plan?.symbol, by: query.by, basis: query.basis, dueSoonDays: query.dueSoonDays,
                rows: rows.keys.sorted(by: ReportLabels.order).compactMap { rows[$0] }, totals: totals)
        }
    }

    /// Tasks overdue as of `date` (default today), most overdue first (readers of all tasks).
    public func overdue(
        plan reference: String? = nil, asOf date: CalendarDate? = nil, basis: DeadlineBasis = .current, page: Page,
        as actor: User
    ) async throws -> Paged<OverdueTask> {
        try actor.require(.readAllTasks)
        let date = date ?? configuration.today()
        return try await storage.read { reader in
            let plan = try reference.map { try Self.plan($0, in: reader) }
            var overdue: [(id: String, deadline: CalendarDate)] = []
            try reader.forEachTaskStanding(planID: plan?.id, asOf: date, basis: basis) { task in
                if task.standing.timeliness(asOf: date) == .overdue { overdue.append((task.id, task.standing.deadline)) }
            }
            overdue.sort { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            let shown = overdue.dropFirst(page.offset).prefix(page.limit)
            let tasks = Dictionary(try reader.tasks(ids: shown.map(\.id)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var symbols: [String: String] = [:]
            let items = try shown.compactMap { entry -> OverdueTask? in
                guard let task = tasks[entry.id] else { return nil }
                if symbols[task.planID] == nil { symbols[task.planID] = try reader.plan(id: task.planID)?.symbol }
                return OverdueTask(
                    id: task.id, plan: symbols[task.planID] ?? task.planID, code: task.code, title: task.title,
                    leadAgency: task.leadAgency, deadline: entry.deadline, daysOverdue: entry.deadline.days(until: date),
                    source: task.sourceSymbol, key: task.key)
            }
            return Paged(items: items, total: overdue.count, page: page)
        }
    }

    /// Agencies ranked by on-time share as of `date` (default today; readers of all tasks);
    /// agencies with no task due yet come last.
    public func scorecard(
        plan: String? = nil, asOf date: CalendarDate? = nil, basis: DeadlineBasis = .current, as actor: User
    ) async throws -> [AgencyScore] {
        let report = try await report(TaskReportQuery(plan: plan, asOf: date, by: .agency, basis: basis), as: actor)
        let ordered = report.rows.sorted {
            ($0.counts.onTimePercent ?? -1, $0.counts.completedOnTime, $1.key) > ($1.counts.onTimePercent ?? -1, $1.counts.completedOnTime, $0.key)
        }
        var scores: [AgencyScore] = []
        for (index, row) in ordered.enumerated() {
            let tied = scores.last.map { $0.counts.onTimePercent == row.counts.onTimePercent } ?? false
            scores.append(
                AgencyScore(rank: tied ? scores[scores.count - 1].rank : index + 1, agency: row.key, name: row.label, counts: row.counts))
        }
        return scores
    }
}

/// Row keys and labels of a report: agency codes and names, group numbers and titles, and so on.
/// Plans are looked up once each, as their tasks come by.
struct ReportLabels {
    let by: TaskReportGrouping
    /// The report's plan; nil when it covers every plan.
    let plan: Plan?
    let reader: any StorageReader
    private var plans: [String: Plan] = [:]
    private var agencyNames: [String: String] = [:]

    static let none = "-"

    init(plan: Plan?, by: TaskReportGrouping, in reader: any StorageReader) throws {
        self.by = by
        self.plan = plan
        self.reader = reader
        if let plan { plans[plan.id] = plan }
        if by == .agency { agencyNames = Dictionary(try reader.agencies().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }) }
    }

    private mutating func plan(_ id: String) throws -> Plan? {
        if let plan = plans[id] { return plan }
        let plan = try reader.plan(id: id)
        plans[id] = plan
        return plan
    }

    /// The row a task counts in, and that row's label.
    mutating func row(for task: TaskStandingRow) throws -> (key: String, label: String) {
        switch by {
        case .agency: return (task.leadAgency, agencyNames[task.leadAgency] ?? task.leadAgency)
        case .dueMonth: return (task.standing.deadline.monthKey, task.standing.deadline.monthKey)
        case .plan:
            let plan = try plan(task.planID)
            return (plan?.symbol ?? task.planID, plan?.title ?? "")
        case .group, .phase:
            let plan = try plan(task.planID)
            // Across plans, keys carry the plan's symbol: group 1 of one plan is not group 1 of another.
            let prefix = self.plan == nil ? (plan?.symbol ?? task.planID) + " " : ""
            if by == .group {
                guard let number = task.group else { return (prefix + Self.none, "(no group)") }
                return (prefix + String(number), plan?.groups.first { $0.number == number }?.title ?? "")
            }
            guard let code = task.phase else { return (prefix + Self.none, "(no phase)") }
            return (prefix + code, plan?.phases.first { $0.code == code }.map { "\($0.starts) – \($0.ends)" } ?? "")
        }
    }

    /// Numbers in numeric order, "none" last.
    static func order(_ a: String, _ b: String) -> Bool {
        let (na, nb) = (a.hasSuffix(none), b.hasSuffix(none))
        if na != nb { return nb }
        return a.compare(b, options: .numeric) == .orderedAscending
    }
}
