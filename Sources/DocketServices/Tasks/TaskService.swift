import DocketCore
import Foundation

/// Supervision of the tasks plans and sessions assign: plans, tasks, status, extensions and
/// progress reports. Every change appends to the task's history and to the audit log in one
/// transaction; reports read the history back as of any date.
public struct TaskService: Sendable {
    let storage: any Storage
    let audit: AuditLog
    let records: SignedRecords
    var configuration: DocketConfiguration { records.configuration }

    // MARK: plans

    /// Creates a plan (admin, clerk).
    public func createPlan(_ new: NewPlan, as actor: User) async throws -> Plan {
        try actor.require(.manageTasks)
        let symbol = try Self.text(
            CanonicalName.identifier(new.symbol, field: "symbol", what: "a plan's symbol"), field: "symbol", max: 50)
        let title = try Self.text(new.title, field: "title", max: 500)
        var numbers = Set<Int>()
        for group in new.groups {
            guard group.number >= 1, numbers.insert(group.number).inserted else {
                throw DocketError.invalid("groups", "group numbers are whole numbers from 1, each used once; \(group.number) is not")
            }
            _ = try Self.text(group.title, field: "groups", max: 500)
        }
        var codes = Set<String>()
        for phase in new.phases {
            guard codes.insert(phase.code).inserted, !phase.code.isEmpty else {
                throw DocketError.invalid("phases", "each phase needs its own code; '\(phase.code)' is empty or repeated")
            }
            guard phase.starts <= phase.ends else {
                throw DocketError.invalid("phases", "phase \(phase.code) ends (\(phase.ends)) before it starts (\(phase.starts))")
            }
        }
        let plan = Plan(
            id: configuration.identifiers.make("pln"), symbol: symbol, title: title,
            implements: try TextInput.clean(optional: new.implements, field: "implements"), groups: new.groups.sorted { $0.number < $1.number },
            phases: new.phases, createdBy: actor.id, createdAt: configuration.time.now())
        try await storage.write { writer in
            try writer.insert(plan)
            try audit.record(writer, actor: actor.id, action: .planCreate, subject: plan.id, details: ["symbol": symbol])
        }
        return plan
    }

    /// Plans, latest first (anyone signed in: a plan says what is to be done, not who is late).
    public func plans(page: Page, as actor: User) async throws -> Paged<Plan> {
        try await storage.read { try $0.plans(page: page) }
    }

    /// A plan by id or symbol.
    public func plan(_ reference: String, as actor: User) async throws -> Plan {
        try await storage.read { try Self.plan(reference, in: $0) }
    }

    static func plan(_ reference: String, field: String = "plan", in reader: any StorageReader) throws -> Plan {
        if let plan = try reader.plan(id: reference) ?? reader.plan(symbol: reference) { return plan }
        throw DocketError(.notFound, "no plan with the id or symbol \(reference); `docket plan list` shows them", field: field)
    }

    // MARK: tasks

    /// Assigns a task in a plan (admin, clerk).
    public func addTask(_ new: NewTask, plan reference: String, as actor: User) async throws -> SupervisedTask {
        try actor.require(.manageTasks)
        let now = configuration.time.now()
        let today = configuration.today()
        let id = configuration.identifiers.make("tsk")
        return try await storage.write { writer in
            let plan = try Self.plan(reference, in: writer)
            let task = try Self.makeTask(new, id: id, plan: plan, today: today, actor: actor, now: now, field: { $0 }, in: writer)
            try record(task, actor: actor, in: writer)
            return task
        }
    }

    /// Tasks by deadline; a delegate sees only those their agency leads or coordinates.
    public func tasks(_ filter: TaskFilter, plan: String? = nil, page: Page, as actor: User) async throws -> Paged<SupervisedTask> {
        var filter = filter
        if !actor.hasAny(Permission.readAllTasks.roles) {
            guard let agency = actor.agency else { return Paged(items: [], total: 0, page: page) }
            if let asked = filter.agency, asked != agency { return Paged(items: [], total: 0, page: page) }
            filter.agency = agency
        }
        let scoped = filter
        return try await storage.read { reader in
            var filter = scoped
            if let plan { filter.planID = try Self.plan(plan, in: reader).id }
            var memo: [String: Bool] = [:]
            return try reader.tasks(filter: filter, page: page).map { task in
                var task = task
                task.evidence = try actor.readable(task.evidence, in: reader, memo: &memo)
                return task
            }
        }
    }

    /// A task, how it stood on `asOf` (default today; not in the future) and its history up to
    /// that day.
    public func task(_ reference: String, plan: String? = nil, asOf: CalendarDate? = nil, as actor: User) async throws -> TaskDetail {
        let today = configuration.today()
        let day = asOf ?? today
        guard day <= today else { throw DocketError.invalid("asOf", "\(day) is in the future; today is \(today)") }
        return try await storage.read { reader in
            var task = try Self.visibleTask(reference, plan: plan, to: actor, in: reader)
            var history = try reader.taskEvents(taskID: task.id).filter { $0.effectiveOn <= day }
            let standing = TaskStanding(task, events: history, asOf: day, basis: .current)
            // Evidence the reader may not open leaves no id behind.
            var memo: [String: Bool] = [:]
            task.evidence = try actor.readable(task.evidence, in: reader, memo: &memo)
            for index in history.indices {
                history[index].documents = try actor.readable(history[index].documents, in: reader, memo: &memo)
            }
            return TaskDetail(
                task: task, plan: try reader.plan(id: task.planID)?.symbol ?? task.planID, asOf: day,
                standing: standing.map {
                    TaskDetail.Standing(
                        status: $0.status, deadline: $0.deadline, completedOn: $0.completedOn,
                        percent: history.last { $0.percent != nil }?.percent)
                },
                timeliness: standing?.timeliness(asOf: day) ?? .notYetDue, history: history)
        }
    }

    /// Moves a task on (admin, clerk): `in-progress`, `completed` on a date with evidence, or
    /// `cancelled` with a reason. The date defaults to today and may not be in the future.
    public func changeStatus(
        _ reference: String, plan: String? = nil, to status: TaskStatus, on date: CalendarDate? = nil,
        evidence: [String] = [], reason: String? = nil, as actor: User
    ) async throws -> SupervisedTask {
        try actor.require(.manageTasks)
        let today = configuration.today()
        let date = date ?? today
        let reason = try TextInput.clean(optional: reason, field: "reason", multiline: true)
        if status == .cancelled && reason == nil {
            throw DocketError.invalid("reason", "say why the task is cancelled")
        }
        let now = configuration.time.now()
        return try await storage.write { writer in
            var task = try Self.visibleTask(reference, plan: plan, to: actor, in: writer)
            guard task.status.next.contains(status) else {
                let from = TaskStatus.allCases.filter { $0.next.contains(status) }.map(\.rawValue).joined(separator: " or ")
                throw DocketError(
                    .conflict, "task \(task.code) is \(task.status.rawValue); only a task that is \(from) can become \(status.rawValue)",
                    field: "status")
            }
            let history = try writer.taskEvents(taskID: task.id)
            let lastChange = history.last { $0.kind == .status }?.effectiveOn ?? task.assignedOn
            try Self.checkDate(date, notBefore: lastChange, what: "the task's last status change", today: today, field: "on")
            for document in evidence { try Self.readableDocument(document, by: actor, field: "evidence", in: writer) }
            task.status = status
            switch status {
            case .completed:
                task.completedOn = date
                task.evidence = evidence
                task.percent = 100
            case .cancelled: task.cancelReason = reason
            case .assigned, .inProgress: break
            }
            try writer.update(task)
            try writer.append(
                TaskEvent(
                    taskID: task.id, sequence: history.count + 1, kind: .status, effectiveOn: date, status: status,
                    text: reason, documents: evidence, recordedBy: actor.id, recordedAt: now))
            try audit.record(
                writer, actor: actor.id, action: .taskStatus, subject: task.id,
                details: ["status": status.rawValue, "on": date.description, "evidence": evidence.joined(separator: ","),
                          "reason": reason ?? ""])
            return task
        }
    }

    /// Extends a task's deadline (admin, clerk), with the reason and who approved it. The original
    /// deadline is kept; reports as of a day before `on` still count against the earlier one.
    public func extend(
        _ reference: String, plan: String? = nil, to deadline: CalendarDate, reason: String, approvedBy: String,
        on date: CalendarDate? = nil, as actor: User
    ) async throws -> SupervisedTask {
        try actor.require(.manageTasks)
        let reason = try Self.text(reason, field: "reason", max: 2000)
        let approvedBy = try Self.text(approvedBy, field: "approvedBy", max: 200)
        let today = configuration.today()
        let date = date ?? today
        let now = configuration.time.now()
        return try await storage.write { writer in
            var task = try Self.visibleTask(reference, plan: plan, to: actor, in: writer)
            guard task.status == .assigned || task.status == .inProgress else {
                throw DocketError(.conflict, "task \(task.code) is \(task.status.rawValue); only open tasks get extensions", field: "status")
            }
            guard deadline > task.deadline else {
                throw DocketError.invalid("deadline", "an extension moves the deadline later than \(task.deadline); \(deadline) is not")
            }
            try Self.checkDate(date, notBefore: task.assignedOn, what: "the day the task was assigned", today: today, field: "on")
            let sequence = try writer.taskEvents(taskID: task.id).count + 1
            let previous = task.deadline
            task.deadline = deadline
            try writer.update(task)
            try writer.append(
                TaskEvent(
                    taskID: task.id, sequence: sequence, kind: .extension, effectiveOn: date, deadline: deadline, text: reason,
                    approvedBy: approvedBy, recordedBy: actor.id, recordedAt: now))
            try audit.record(
                writer, actor: actor.id, action: .taskExtend, subject: task.id,
                details: ["from": previous.description, "to": deadline.description, "approvedBy": approvedBy, "reason": reason])
            return task
        }
    }

    /// Files a progress report: by a clerk, or by a user of an agency that leads or coordinates
    /// the task. The first report on an assigned task puts it in progress.
    public func reportProgress(
        _ reference: String, plan: String? = nil, percent: Int, text: String, documents: [String] = [],
        on date: CalendarDate? = nil, as actor: User
    ) async throws -> SupervisedTask {
        guard (0...100).contains(percent) else { throw DocketError.invalid("percent", "percent is 0 to 100, got \(percent)") }
        let text = try Self.text(text, field: "text", max: 20_000)
        let today = configuration.today()
        let date = date ?? today
        let now = configuration.time.now()
        return try await storage.write { writer in
            var task = try Self.visibleTask(reference, plan: plan, to: actor, in: writer)
            guard actor.hasAny(Permission.manageTasks.roles) || task.involves(agency: actor.agency) else {
                throw DocketError.forbidden(
                    "\(actor.username) may not report on task \(task.code); its lead or coordinating agencies and clerks may")
            }
            guard task.status == .assigned || task.status == .inProgress else {
                throw DocketError(.conflict, "task \(task.code) is \(task.status.rawValue); progress is reported on open tasks", field: "status")
            }
            try Self.checkDate(date, notBefore: task.assignedOn, what: "the day the task was assigned", today: today, field: "on")
            for document in documents { try Self.readableDocument(document, by: actor, field: "documents", in: writer) }
            var sequence = try writer.taskEvents(taskID: task.id).count
            if task.status == .assigned {
                sequence += 1
                task.status = .inProgress
                try writer.append(
                    TaskEvent(
                        taskID: task.id, sequence: sequence, kind: .status, effectiveOn: date, status: .inProgress,
                        recordedBy: actor.id, recordedAt: now))
            }
            task.percent = percent
            try writer.update(task)
            try writer.append(
                TaskEvent(
                    taskID: task.id, sequence: sequence + 1, kind: .progress, effectiveOn: date, percent: percent, text: text,
                    documents: documents, recordedBy: actor.id, recordedAt: now))
            try audit.record(
                writer, actor: actor.id, action: .taskProgress, subject: task.id,
                details: ["percent": String(percent), "on": date.description, "documents": documents.joined(separator: ",")])
            return task
        }
    }

    // MARK: shared checks

    /// Checks a new task against the plan and the registers; `field` maps a field name to how
    /// the caller names it (an import names the CSV line too).
    static func makeTask(
        _ new: NewTask, id: String, plan: Plan, today: CalendarDate, actor: User, now: Date,
        field: (String) -> String, in reader: any StorageReader
    ) throws -> SupervisedTask {
        let code = try text(new.code, field: field("code"), max: 50)
        let title = try text(new.title, field: field("title"), max: 2000)
        let deadline = try CalendarDate.parse(new.deadline, field: field("deadline"))
        let assignedOn = try new.assignedOn.map { try CalendarDate.parse($0, field: field("assignedOn")) } ?? today
        guard assignedOn <= today else {
            throw DocketError.invalid(field("assignedOn"), "a task cannot be assigned in the future (\(assignedOn))")
        }
        guard deadline >= assignedOn else {
            throw DocketError.invalid(
                field("deadline"),
                "the deadline \(deadline) is before the task was assigned (\(assignedOn)); give a later deadline, "
                    + "or the day it was really assigned (assignedOn; --assigned-on on the command line)")
        }
        if let group = new.group, !plan.groups.contains(where: { $0.number == group }) {
            throw DocketError.invalid(
                field("group"), "plan \(plan.symbol) has no group \(group); its groups are \(plan.groups.map { String($0.number) }.joined(separator: ", "))")
        }
        if let phase = new.phase, !plan.phases.contains(where: { $0.code == phase }) {
            throw DocketError.invalid(
                field("phase"), "plan \(plan.symbol) has no phase \(phase); its phases are \(plan.phases.map(\.code).joined(separator: ", "))")
        }
        let lead = try AgencyService.agency(new.leadAgency, field: field("leadAgency"), in: reader).code
        let coordinating = try (new.coordinatingAgencies ?? []).map { code in
            let agency = try AgencyService.agency(code, field: field("coordinatingAgencies"), in: reader).code
            if agency == lead {
                throw DocketError.invalid(field("coordinatingAgencies"), "\(agency) leads the task and cannot also coordinate it")
            }
            return agency
        }
        let assignee = try new.assignee.flatMap { $0.nilIfEmpty }.map { name in
            guard let user = try reader.user(username: name) ?? reader.user(id: name) else {
                throw DocketError(.notFound, "no user named \(name)", field: field("assignee"))
            }
            return user.id
        }
        return SupervisedTask(
            id: id, planID: plan.id, code: code, title: title, description: try TextInput.clean(optional: new.description, field: "description", multiline: true) ?? "",
            sourceSymbol: try TextInput.clean(optional: new.source, field: "source"), group: new.group,
            phase: new.phase?.nilIfEmpty, leadAgency: lead, coordinatingAgencies: coordinating,
            assigneeID: assignee, assignedOn: assignedOn, deadline: deadline, key: new.key ?? false, createdBy: actor.id,
            createdAt: now)
    }

    /// Inserts a new task with its first history entry and audit event.
    func record(_ task: SupervisedTask, actor: User, in writer: any StorageWriter) throws {
        try writer.insert(task)
        try writer.append(
            TaskEvent(
                taskID: task.id, sequence: 1, kind: .status, effectiveOn: task.assignedOn, status: .assigned,
                recordedBy: actor.id, recordedAt: task.createdAt))
        try audit.record(
            writer, actor: actor.id, action: .taskCreate, subject: task.id,
            details: ["plan": task.planID, "code": task.code, "lead": task.leadAgency, "deadline": task.deadline.description,
                      "source": task.sourceSymbol ?? ""])
    }

    /// A task by id, or by code within `plan`; hidden (404) from those who may not see it.
    static func visibleTask(_ reference: String, plan: String?, to actor: User, in reader: any StorageReader) throws -> SupervisedTask {
        let task: SupervisedTask?
        if let plan {
            task = try reader.task(planID: Self.plan(plan, in: reader).id, code: reference)
        } else {
            task = try reader.task(id: reference)
        }
        guard let task, actor.maySee(task) else {
            if plan == nil {
                // A code typed without its plan: say which plans have it (only those the actor may see).
                let plans = try reader.plans(page: Page(limit: Page.maximumLimit)).items.filter { plan in
                    try reader.task(planID: plan.id, code: reference).map(actor.maySee) ?? false
                }.map(\.symbol)
                if !plans.isEmpty {
                    throw DocketError(
                        .notFound,
                        "no task has the id \(reference); \(reference) is the code of a task in \(plans.joined(separator: ", ")): "
                            + "name the plan with --plan \(plans[0]) (over HTTP, use the task's id: GET /api/v1/tasks?plan=\(plans[0]) lists them)",
                        field: "plan")
                }
            }
            throw DocketError(
                .notFound, plan == nil ? "no task with id \(reference)" : "plan \(plan ?? "") has no task \(reference)", field: "task")
        }
        return task
    }

    static func checkDate(_ date: CalendarDate, notBefore earliest: CalendarDate, what: String, today: CalendarDate, field: String) throws {
        guard date <= today else { throw DocketError.invalid(field, "\(date) is in the future; today is \(today)") }
        guard date >= earliest else { throw DocketError.invalid(field, "\(date) is before \(what) (\(earliest))") }
    }

    static func readableDocument(_ id: String, by actor: User, field: String, in reader: any StorageReader) throws {
        guard let document = try reader.document(id: id), try actor.mayRead(document, in: reader) else {
            throw DocketError(.notFound, "no document with id \(id)", field: field)
        }
    }

    static func text(_ text: String, field: String, max: Int) throws -> String {
        let text = try TextInput.clean(text, field: field, multiline: field == "text" || field == "reason")
        guard (1...max).contains(text.count) else { throw DocketError.invalid(field, "\(field) is 1 to \(max) characters") }
        return text
    }
}
