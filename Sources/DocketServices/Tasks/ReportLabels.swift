import DocketCore
import Foundation

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
