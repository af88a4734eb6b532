import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: TaskRepository {
    func plan(id: String) throws -> Plan? { try Plan.fetchOne(db, key: id) }

    func plan(symbol: String) throws -> Plan? {
        try Plan.filter(Plan.Columns.symbolKey == CanonicalName.key(symbol)).fetchOne(db)
    }

    func plans(page: Page) throws -> Paged<Plan> {
        let items = try Plan.order(Plan.Columns.createdAt.desc, Plan.Columns.id).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try Plan.fetchCount(db), page: page)
    }

    func insert(_ plan: Plan) throws {
        do {
            try plan.insert(db)
            try CanonicalKeys.setKey(CanonicalKeys.plan, of: plan.symbol, in: db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "a plan with the symbol \(plan.symbol) already exists", field: "symbol")
        }
    }

    func task(id: String) throws -> SupervisedTask? { try SupervisedTask.fetchOne(db, key: id) }

    func task(planID: String, code: String) throws -> SupervisedTask? {
        try SupervisedTask.filter(SupervisedTask.Columns.planID == planID && SupervisedTask.Columns.code == code).fetchOne(db)
    }

    func tasks(filter: TaskFilter, page: Page) throws -> Paged<SupervisedTask> {
        var request = SupervisedTask.all()
        if let planID = filter.planID { request = request.filter(SupervisedTask.Columns.planID == planID) }
        if let status = filter.status { request = request.filter(SupervisedTask.Columns.status == status.rawValue) }
        if let agency = filter.agency {
            request = request.filter(
                sql: "(leadAgency = ? OR EXISTS (SELECT 1 FROM json_each(coordinatingAgencies) WHERE value = ?))",
                arguments: [agency, agency])
        }
        let items = try request.order(SupervisedTask.Columns.deadline, SupervisedTask.Columns.planID, SupervisedTask.Columns.code)
            .limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func tasks(ids: [String]) throws -> [SupervisedTask] {
        try SupervisedTask.filter(keys: ids).fetchAll(db)
    }

    func tasks(conclusionID: String) throws -> [SupervisedTask] {
        try SupervisedTask.filter(SupervisedTask.Columns.conclusionID == conclusionID).order(SupervisedTask.Columns.conclusionTask).fetchAll(db)
    }

    func taskEvents(taskID: String) throws -> [TaskEvent] {
        try TaskEvent.filter(TaskEvent.Columns.taskID == taskID).order(TaskEvent.Columns.sequence).fetchAll(db)
    }

    func forEachTaskStanding(
        planID: String?, asOf date: CalendarDate, basis: DeadlineBasis, _ body: (TaskStandingRow) throws -> Void
    ) throws {
        // Nearly every task matches, so there is no index on assignedOn.
        let sql = TaskStandingRow.query(basis: basis, filteringPlan: planID != nil) { "?\($0)" }
        let arguments: StatementArguments = planID.map { [date, $0] } ?? [date]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            let id: String = try row.decode(atIndex: 0)
            let original: CalendarDate = try row.decode(atIndex: 5)
            let standing = try TaskStanding(
                taskID: id, latestStatus: try row.decode(String?.self, atIndex: 7),
                deadline: try row.decode(CalendarDate?.self, atIndex: 6) ?? original)
            try body(
                TaskStandingRow(
                    id: id, planID: try row.decode(atIndex: 1), group: try row.decode(atIndex: 2),
                    phase: try row.decode(atIndex: 3), leadAgency: try row.decode(atIndex: 4),
                    standing: standing))
        }
    }

    func insert(_ task: SupervisedTask) throws {
        do {
            try task.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "the plan already has a task with the code \(task.code)", field: "code")
        }
    }

    func update(_ task: SupervisedTask) throws { try task.update(db) }

    func append(_ event: TaskEvent) throws { try event.insert(db) }
}
