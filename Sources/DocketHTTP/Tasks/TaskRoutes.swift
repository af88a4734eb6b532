import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// Plans, supervised tasks, timeliness reports and reminders over HTTP.
struct TaskRoutes {
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

    func add(to api: RouterGroup<DocketRequestContext>) {
        let tasks = docket.tasks
        api.get("plans") { request, context in try await tasks.plans(page: request.page(), as: context.user()) }
        api.post("plans") { request, context -> EditedResponse<Plan> in
            let actor = try context.user()
            let body = try await request.decode(as: PlanRequest.self, context: context)
            let phases = try (body.phases ?? []).map {
                PlanPhase(
                    code: $0.code, starts: try CalendarDate.parse($0.starts, field: "phases"),
                    ends: try CalendarDate.parse($0.ends, field: "phases"))
            }
            let plan = try await tasks.createPlan(
                NewPlan(symbol: body.symbol, title: body.title, implements: body.implements, groups: body.groups ?? [], phases: phases),
                as: actor)
            return .init(status: .created, response: plan)
        }
        api.get("plans/:plan") { _, context in try await tasks.plan(context.parameters.value("plan"), as: context.user()) }
        api.post("plans/:plan/tasks") { request, context -> EditedResponse<SupervisedTask> in
            let actor = try context.user()
            let body = try await request.decode(as: NewTask.self, context: context)
            let task = try await tasks.addTask(body, plan: context.parameters.value("plan"), as: actor)
            return .init(status: .created, response: task)
        }
        api.post("plans/:plan/import") { request, context in
            let actor = try context.user()
            let csv = try await request.body.collect(upTo: Int(maxUploadSize))
            return try await tasks.importTasks(csv: Data(csv.readableBytesView), plan: context.parameters.value("plan"), as: actor)
        }
        api.get("tasks") { request, context in
            let status = try request.query("status").map { try TaskStatus.parse($0, field: "status") }
            return try await tasks.tasks(
                TaskFilter(agency: request.query("agency"), status: status), plan: request.query("plan"), page: request.page(),
                as: context.user())
        }
        api.get("tasks/:id") { _, context in try await tasks.task(context.parameters.value("id"), as: context.user()) }
        api.post("tasks/:id/status") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: StatusRequest.self, context: context)
            return try await tasks.changeStatus(
                context.parameters.value("id"), to: TaskStatus.parse(body.status, field: "status"),
                on: CalendarDate.parse(optional: body.on, field: "on"), evidence: body.evidence ?? [], reason: body.reason,
                as: actor)
        }
        api.post("tasks/:id/extensions") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: ExtensionRequest.self, context: context)
            return try await tasks.extend(
                context.parameters.value("id"), to: CalendarDate.parse(body.deadline, field: "deadline"), reason: body.reason,
                approvedBy: body.approvedBy, on: CalendarDate.parse(optional: body.on, field: "on"), as: actor)
        }
        api.post("tasks/:id/progress") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: ProgressRequest.self, context: context)
            return try await tasks.reportProgress(
                context.parameters.value("id"), percent: body.percent, text: body.text, documents: body.documents ?? [],
                on: CalendarDate.parse(optional: body.on, field: "on"), as: actor)
        }
        api.get("reports/tasks") { request, context -> Response in
            let actor = try context.user()
            let query = TaskReportQuery(
                plan: request.query("plan"), asOf: try asOf(request),
                by: try request.query("by").map { try TaskReportGrouping.parse($0, field: "by") } ?? .agency,
                basis: try basis(request), dueSoonDays: try request.queryInt("dueSoon") ?? 7)
            let format = try request.query("format").map { try ReportFormat.parse($0, field: "format") } ?? .json
            let report = try await tasks.report(query, as: actor)
            var headers = HTTPFields()
            headers[.contentType] = format.mediaType
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try report.rendered(format))))
        }
        api.get("reports/tasks/overdue") { request, context in
            try await tasks.overdue(
                plan: request.query("plan"), asOf: asOf(request), basis: basis(request), page: request.page(), as: context.user())
        }
        api.get("reports/agencies") { request, context in
            try await tasks.scorecard(plan: request.query("plan"), asOf: asOf(request), basis: basis(request), as: context.user())
        }
        api.post("reminders") { request, context -> EditedResponse<[Notice]> in
            let actor = try context.user()
            let body = try await request.decode(as: ReminderRequest.self, context: context)
            return .init(status: .created, response: try await tasks.remind(within: body.within, body: body.body, plan: body.plan, as: actor))
        }
    }

    private func asOf(_ request: Request) throws -> CalendarDate? {
        try CalendarDate.parse(optional: request.query("asOf"), field: "asOf")
    }

    private func basis(_ request: Request) throws -> DeadlineBasis {
        try request.query("against").map { try DeadlineBasis.parse($0, field: "against") } ?? .current
    }
}

extension Plan: ResponseEncodable {}
extension SupervisedTask: ResponseEncodable {}
extension TaskDetail: ResponseEncodable {}
extension TaskImportResult: ResponseEncodable {}
extension OverdueTask: ResponseEncodable {}
extension AgencyScore: ResponseEncodable {}
