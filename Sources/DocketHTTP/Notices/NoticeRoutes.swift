import DocketCore
import DocketPack
import DocketServices
import Foundation
import Hummingbird

/// Agencies, notices, the register and the inbox over HTTP.
struct NoticeRoutes {
    let docket: Docket

    struct AgencyRequest: Decodable {
        let code: String
        let name: String
    }

    struct NoticeRequest: Decodable {
        let session: String
        let kind: String
        let users: [String]?
        let agencies: [String]?
        let note: String?
    }

    func add(to api: RouterGroup<DocketRequestContext>) {
        api.get("agencies") { _, context in try await docket.agencies.list(as: context.user()) }
        api.post("agencies") { request, context -> EditedResponse<Agency> in
            let actor = try context.user()
            let body = try await request.decode(as: AgencyRequest.self, context: context)
            return .init(status: .created, response: try await docket.agencies.create(code: body.code, name: body.name, as: actor))
        }
        api.post("notices") { request, context -> EditedResponse<Notice> in
            let actor = try context.user()
            let body = try await request.decode(as: NoticeRequest.self, context: context)
            let notice = try await docket.notices.issue(
                NoticeKind.parse(body.kind, field: "kind"), session: body.session, users: body.users ?? [],
                agencies: body.agencies ?? [], note: body.note, as: actor)
            return .init(status: .created, response: notice)
        }
        api.get("notices/:id") { _, context in
            try await docket.notices.receipts(context.parameters.value("id"), as: context.user())
        }
        api.get("register") { request, context in
            guard let body = request.query("body") else { throw DocketError.invalid("body", "say which body's register: ?body=CODE") }
            return try await docket.notices.register(
                body: body, year: request.queryInt("year"), page: request.page(), as: context.user())
        }
        api.get("me/notices") { request, context in
            try await docket.notices.inbox(page: request.page(), as: context.user())
        }
        api.get("me/notices/:id") { _, context in
            try await docket.notices.open(context.parameters.value("id"), as: context.user())
        }
    }
}
