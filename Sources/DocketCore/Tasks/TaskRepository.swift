import Foundation

/// Reading plans, tasks and their history inside a transaction.
public protocol TaskReadRepository {
    func plan(id: String) throws -> Plan?
    func plan(symbol: String) throws -> Plan?
    func plans(page: Page) throws -> Paged<Plan>
    func task(id: String) throws -> SupervisedTask?
    func task(planID: String, code: String) throws -> SupervisedTask?
    func tasks(filter: TaskFilter, page: Page) throws -> Paged<SupervisedTask>
    func tasks(ids: [String]) throws -> [SupervisedTask]
    /// The tasks already taken over from a conclusion.
    func tasks(conclusionID: String) throws -> [SupervisedTask]
    func taskEvents(taskID: String) throws -> [TaskEvent]
    /// Every task assigned on or before `date` (of one plan, when set) as it stood on that date,
    /// computed from the history in one pass.
    func forEachTaskStanding(
        planID: String?, asOf date: CalendarDate, basis: DeadlineBasis, _ body: (TaskStandingRow) throws -> Void) throws
}

/// Changing plans, tasks and their history inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol TaskRepository: TaskReadRepository {
    /// Inserts a plan; a symbol already taken is refused.
    func insert(_ plan: Plan) throws
    /// Inserts a task; a code already taken in its plan is refused.
    func insert(_ task: SupervisedTask) throws
    func update(_ task: SupervisedTask) throws
    func append(_ event: TaskEvent) throws
}
