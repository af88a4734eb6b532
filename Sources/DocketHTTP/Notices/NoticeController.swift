import DocketCore
import DocketPack
import DocketServices
import Foundation
import Hummingbird

/// Agencies, notices, the register and the inbox over HTTP.
struct NoticeController {
    let docket: Docket


    struct NoticeRequest: Decodable {
        let session: String
        let kind: String
        let users: [String]?
        let agencies: [String]?
        let note: String?
        let backEntered: Bool?
        let number: Int?
        let date: String?
    }

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.post("notices", use: issueNotice)
        routes.get("notices/:id", use: noticeReceipts)
        routes.get("register", use: listRegister)
        routes.get("me/notices", use: listInbox)
        routes.get("me/notices/:id", use: openNotice)
        return routes
    }



    @Sendable func issueNotice(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Notice> {
        let actor = try context.user()
        let body = try await request.decode(as: NoticeRequest.self, context: context)
        let notice = try await docket.notices.issue(
            NoticeKind.parse(body.kind, field: "kind"), session: body.session, users: body.users ?? [],
            agencies: body.agencies ?? [], note: body.note,
            backEntered: BackEntry(backEntered: body.backEntered ?? false, number: body.number, date: body.date), as: actor)
        return .init(status: .created, response: notice)
    }

    @Sendable func noticeReceipts(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.notices.receipts(context.parameters.value("id"), as: context.user())
    }

    @Sendable func listRegister(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        guard let body = request.query("body") else { throw DocketError.invalid("body", "say which body's register: ?body=CODE") }
        return try await docket.notices.register(
            body: body, year: request.queryInt("year"), page: request.page(), as: context.user())
    }

    @Sendable func listInbox(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.notices.inbox(page: request.page(), as: context.user())
    }

    @Sendable func openNotice(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.notices.open(context.parameters.value("id"), as: context.user())
    }
}
