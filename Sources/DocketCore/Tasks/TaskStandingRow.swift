import Foundation

/// One task in a report: what rows group it by and how it stood on the report's date.
public struct TaskStandingRow: Sendable {
    public var id: String
    public var planID: String
    public var group: Int?
    public var phase: String?
    public var leadAgency: String
    public var standing: TaskStanding

    public init(id: String, planID: String, group: Int?, phase: String?, leadAgency: String, standing: TaskStanding) {
        self.id = id
        self.planID = planID
        self.group = group
        self.phase = phase
        self.leadAgency = leadAgency
        self.standing = standing
    }
}

extension TaskStandingRow {
    /// The SQL both backends run for `forEachTaskStanding`: one scan of the tasks and, per task,
    /// the latest status and extension in effect on the date by a seek into the covering index (a
    /// deadline that never moved has no extension). Parameter 1 is the date, 2 the plan when
    /// `filteringPlan`; `parameter` spells them in the backend's dialect. Its columns, in order:
    /// id, planID, group, phase, leadAgency, originalDeadline, the extended deadline or NULL, and
    /// the latest status and its date.
    public static func query(basis: DeadlineBasis, filteringPlan: Bool, parameter: (Int) -> String) -> String {
        let extended =
            basis == .original
            ? "NULL"
            : """
            CASE WHEN t.deadline = t.originalDeadline THEN NULL ELSE
              (SELECT e.deadline FROM taskEvent e WHERE e.taskID = t.id AND e.kind = 'extension' AND e.effectiveOn <= \(parameter(1))
               ORDER BY e.effectiveOn DESC, e.sequence DESC LIMIT 1) END
            """
        return """
            SELECT t.id, t.planID, t."group", t.phase, t.leadAgency, t.originalDeadline, \(extended),
              (SELECT e.status || ' ' || e.effectiveOn FROM taskEvent e
               WHERE e.taskID = t.id AND e.kind = 'status' AND e.effectiveOn <= \(parameter(1))
               ORDER BY e.effectiveOn DESC, e.sequence DESC LIMIT 1)
            FROM task t WHERE t.assignedOn <= \(parameter(1)) \(filteringPlan ? "AND t.planID = \(parameter(2))" : "")
            """
    }
}
