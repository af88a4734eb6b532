import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// Plans, supervised tasks, timeliness reports and reminders over HTTP.
struct TaskController {
    let docket: Docket
    let maxUploadSize: Int64

    struct PlanRequest: Decodable {
        let symbol: String
        let title: String
        let implements: String?
        let groups: [PlanGroup]?
        let phases: [PhaseRequest]?
    }

    struct PhaseRequest: Decodable {
        let code: String
        let starts: String
        let ends: String
    }

    struct StatusRequest: Decodable {
        let status: String
        let on: String?
        let evidence: [String]?
        let reason: String?
    }

    struct ExtensionRequest: Decodable {
        let deadline: String
        let reason: String
        let approvedBy: String
        let on: String?
    }

    struct ProgressRequest: Decodable {
        let percent: Int
        let text: String
        let documents: [String]?
        let on: String?
    }

    struct ReminderRequest: Decodable {
        let within: Int
        let body: String
        let plan: String?
    }

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("plans", use: listPlans)
        routes.post("plans", use: createPlan)
        routes.get("plans/:plan", use: getPlan)
        routes.post("plans/:plan/tasks", use: addTask)
        routes.post("plans/:plan/import", use: importTasks)
        routes.get("tasks", use: listTasks)
        routes.get("tasks/:id", use: getTask)
        routes.post("tasks/:id/status", use: changeTaskStatus)
        routes.post("tasks/:id/extensions", use: extendTask)
        routes.post("tasks/:id/progress", use: reportProgress)
        routes.get("reports/tasks", use: taskReport)
        routes.get("reports/tasks/overdue", use: listOverdueTasks)
        routes.get("reports/agencies", use: agencyScorecard)
        routes.post("reminders", use: sendReminders)
        return routes
    }

    @Sendable func listPlans(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.tasks.plans(page: request.page(), as: context.user())
    }

    @Sendable func createPlan(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Plan> {
        let actor = try context.user()
        let body = try await request.decode(as: PlanRequest.self, context: context)
        let plan = try await docket.tasks.createPlan(
            NewPlan(
                symbol: body.symbol, title: body.title, implements: body.implements, groups: body.groups ?? [],
                phases: (body.phases ?? []).map { ($0.code, $0.starts, $0.ends) }),
            as: actor)
        return .init(status: .created, response: plan)
    }

    @Sendable func getPlan(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.tasks.plan(context.parameters.value("plan"), as: context.user())
    }

    @Sendable func addTask(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<SupervisedTask> {
        let actor = try context.user()
        let body = try await request.decode(as: NewTask.self, context: context)
        let task = try await docket.tasks.addTask(body, plan: context.parameters.value("plan"), as: actor)
        return .init(status: .created, response: task)
    }

    @Sendable func importTasks(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let file = try await request.body.collect(upTo: Int(maxUploadSize))
        return try await docket.tasks.importTasks(file: Data(file.readableBytesView), plan: context.parameters.value("plan"), as: actor)
    }

    @Sendable func listTasks(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let status = try request.query("status").map { try TaskStatus.parse($0, field: "status") }
        return try await docket.tasks.tasks(
            TaskFilter(agency: request.query("agency"), status: status), plan: request.query("plan"), page: request.page(),
            as: context.user())
    }

    @Sendable func getTask(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.tasks.task(
            context.parameters.value("id"), asOf: CalendarDate.parse(optional: request.query("asOf"), field: "asOf"), as: context.user())
    }

    @Sendable func changeTaskStatus(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: StatusRequest.self, context: context)
        return try await docket.tasks.changeStatus(
            context.parameters.value("id"), to: TaskStatus.parse(body.status, field: "status"),
            on: CalendarDate.parse(optional: body.on, field: "on"), evidence: body.evidence ?? [], reason: body.reason,
            as: actor)
    }

    @Sendable func extendTask(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: ExtensionRequest.self, context: context)
        return try await docket.tasks.extend(
            context.parameters.value("id"), to: CalendarDate.parse(body.deadline, field: "deadline"), reason: body.reason,
            approvedBy: body.approvedBy, on: CalendarDate.parse(optional: body.on, field: "on"), as: actor)
    }

    @Sendable func reportProgress(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: ProgressRequest.self, context: context)
        return try await docket.tasks.reportProgress(
            context.parameters.value("id"), percent: body.percent, text: body.text, documents: body.documents ?? [],
            on: CalendarDate.parse(optional: body.on, field: "on"), as: actor)
    }

    @Sendable func taskReport(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let actor = try context.user()
        let query = try TaskReportQuery(
            plan: request.query("plan"), asOf: request.query("asOf"), by: request.query("by"), against: request.query("against"),
            dueSoon: request.queryInt("dueSoon"))
        let format = try ReportFormat.parse(optional: request.query("format"), field: "format") ?? .json
        let report = try await docket.tasks.report(query, as: actor)
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        if format == .xlsx { headers[.contentDisposition] = #"attachment; filename="task-report-\#(report.asOf).xlsx""# }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try await report.file(format))))
    }

    @Sendable func listOverdueTasks(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let scope = try reportScope(request)
        return try await docket.tasks.overdue(
            plan: scope.plan, asOf: scope.asOf, basis: scope.basis, page: request.page(), as: context.user())
    }

    @Sendable func agencyScorecard(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let scope = try reportScope(request)
        return try await docket.tasks.scorecard(plan: scope.plan, asOf: scope.asOf, basis: scope.basis, as: context.user())
    }

    @Sendable func sendReminders(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<[Notice]> {
        let actor = try context.user()
        let body = try await request.decode(as: ReminderRequest.self, context: context)
        return .init(status: .created, response: try await docket.tasks.remind(within: body.within, body: body.body, plan: body.plan, as: actor))
    }

    /// The plan, date and deadline basis a report is asked for, parsed and defaulted by the service's query type.
    private func reportScope(_ request: Request) throws -> TaskReportQuery {
        try TaskReportQuery(
            plan: request.query("plan"), asOf: request.query("asOf"), by: nil, against: request.query("against"), dueSoon: nil)
    }
}

extension Plan: ResponseEncodable {}
extension SupervisedTask: ResponseEncodable {}
extension TaskDetail: ResponseEncodable {}
extension TaskImportResult: ResponseEncodable {}
extension OverdueTask: ResponseEncodable {}
extension AgencyScore: ResponseEncodable {}
