import DocketCore
import Foundation

extension PostgresTransaction: TaskRepository {
    func plan(id: String) throws -> Plan? { try record(Plan.self, "SELECT * FROM plan WHERE id = $1", [id]) }

    func plan(symbol: String) throws -> Plan? {
        try record(Plan.self, "SELECT * FROM plan WHERE symbolKey = $1", [CanonicalName.key(symbol)])
    }

    func plans(page: Page) throws -> Paged<Plan> {
        try self.page(Plan.self, "FROM plan", order: "createdAt DESC, id", [], page: page)
    }

    func insert(_ plan: Plan) throws {
        var columns = try RowEncoder.columns(of: plan)
        columns.append(("symbolKey", .text(CanonicalName.key(plan.symbol))))
        try insert(columns: columns, into: "plan", refusing: PostgresFailure.unique(DocketError(.conflict, "a plan with the symbol \(plan.symbol) already exists", field: "symbol")))
    }

    func task(id: String) throws -> SupervisedTask? { try record(SupervisedTask.self, "SELECT * FROM task WHERE id = $1", [id]) }

    func task(planID: String, code: String) throws -> SupervisedTask? {
        try record(SupervisedTask.self, "SELECT * FROM task WHERE planID = $1 AND code = $2", [planID, code])
    }

    func tasks(filter: TaskFilter, page: Page) throws -> Paged<SupervisedTask> {
        var matching = Filter()
        matching.add(filter.planID) { "planID = \($0)" }
        matching.add(filter.status?.rawValue) { "status = \($0)" }
        matching.add(filter.agency) { "(leadAgency = \($0) OR coordinatingAgencies ? \($0))" }
        return try self.page(SupervisedTask.self, "FROM task \(matching.clause)", order: "deadline, planID, code", matching.binds, page: page)
    }

    func tasks(ids: [String]) throws -> [SupervisedTask] {
        try records(SupervisedTask.self, "SELECT * FROM task WHERE id = ANY($1)", [SQLValue.textArray(ids)])
    }

    func tasks(conclusionID: String) throws -> [SupervisedTask] {
        try records(SupervisedTask.self, "SELECT * FROM task WHERE conclusionID = $1 ORDER BY conclusionTask", [conclusionID])
    }

    func taskEvents(taskID: String) throws -> [TaskEvent] {
        try records(TaskEvent.self, "SELECT * FROM taskEvent WHERE taskID = $1 ORDER BY sequence", [taskID])
    }

    func forEachTaskStanding(
        planID: String?, asOf date: CalendarDate, basis: DeadlineBasis, _ body: (TaskStandingRow) throws -> Void
    ) throws {
        let sql = TaskStandingRow.query(basis: basis, filteringPlan: planID != nil) { "$\($0)" }
        for row in try rows(sql, [date] + (planID.map { [$0] } ?? [])) {
            let id: String = try row.required(0)
            let original: CalendarDate = try row.required(5)
            let standing = try TaskStanding(
                taskID: id, latestStatus: try row.value(7, as: String.self), deadline: try row.value(6, as: CalendarDate.self) ?? original)
            try body(
                TaskStandingRow(
                    id: id, planID: try row.required(1), group: try row.value(2), phase: try row.value(3),
                    leadAgency: try row.required(4), standing: standing))
        }
    }

    func insert(_ task: SupervisedTask) throws {
        try insert(task, into: "task", refusing: PostgresFailure.unique(DocketError(.conflict, "the plan already has a task with the code \(task.code)", field: "code")))
    }

    func update(_ task: SupervisedTask) throws { try update(task, in: "task", key: "id") }

    func append(_ event: TaskEvent) throws { try insert(event, into: "taskEvent") }
}
