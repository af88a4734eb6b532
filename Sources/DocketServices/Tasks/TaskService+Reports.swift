import DocketCore
import Foundation

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
