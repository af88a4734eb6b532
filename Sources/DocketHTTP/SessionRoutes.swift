import DocketCore
import DocketServices
import Hummingbird

/// Bodies and sessions over HTTP.
struct SessionRoutes {
    let docket: Docket

    struct NewBodyBody: Decodable {
        let name: String
        let code: String
        let numbering: String?
        let term: String?
    }

    struct NewSessionBody: Decodable {
        let body: String
        let title: String
        let startsAt: String
        let endsAt: String?
        let location: String?
    }

    struct StateBody: Decodable {
        let state: String
    }

    func add(to api: RouterGroup<DocketRequestContext>) {
        api.get("bodies") { request, context in try await docket.sessions.bodies(page: request.page(), as: context.user()) }
        api.post("bodies") { request, context -> EditedResponse<Body> in
            let actor = try context.user()
            let body = try await request.decode(as: NewBodyBody.self, context: context)
            guard let numbering = NumberingScheme(rawValue: body.numbering ?? "party") else {
                throw DocketError.invalid("numbering", "numbering is party or state, got '\(body.numbering ?? "")'")
            }
            let created = try await docket.sessions.createBody(
                NewBody(name: body.name, code: body.code, numbering: numbering, term: body.term ?? ""), as: actor)
            return .init(status: .created, response: created)
        }
        api.get("sessions") { request, context in
            try await docket.sessions.list(body: request.query("body"), page: request.page(), as: context.user())
        }
        api.post("sessions") { request, context -> EditedResponse<Session> in
            let actor = try context.user()
            let body = try await request.decode(as: NewSessionBody.self, context: context)
            let session = try await docket.sessions.create(
                NewSession(
                    body: body.body, title: body.title, startsAt: Timestamp.parse(body.startsAt, field: "startsAt"),
                    endsAt: body.endsAt.map { try Timestamp.parse($0, field: "endsAt") }, location: body.location),
                as: actor)
            return .init(status: .created, response: session)
        }
        api.get("sessions/:id") { _, context in
            try await docket.sessions.get(context.parameters.require("id"), as: context.user())
        }
        api.post("sessions/:id/state") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: StateBody.self, context: context)
            guard let state = SessionState(rawValue: body.state) else {
                throw DocketError.invalid("state", "state is one of scheduled, open, closed, archived; got '\(body.state)'")
            }
            return try await docket.sessions.advance(context.parameters.require("id"), to: state, as: actor)
        }
    }
}

extension Body: ResponseEncodable {}
extension Session: ResponseEncodable {}
