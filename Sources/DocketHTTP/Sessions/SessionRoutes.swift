import DocketCore
import DocketServices
import Hummingbird

/// Bodies and sessions over HTTP.
struct SessionRoutes {
    let docket: Docket

    struct BodyRequest: Decodable {
        let name: String
        let code: String
        let numbering: String?
        let term: String?
        let quorum: String?
    }

    struct SessionRequest: Decodable {
        let body: String
        let title: String
        let startsAt: String
        let endsAt: String?
        let location: String?
    }

    struct StateRequest: Decodable {
        let state: String
    }

    func add(to api: RouterGroup<DocketRequestContext>) {
        api.get("bodies") { request, context in try await docket.sessions.bodies(page: request.page(), as: context.user()) }
        api.post("bodies") { request, context -> EditedResponse<Body> in
            let actor = try context.user()
            let body = try await request.decode(as: BodyRequest.self, context: context)
            let numbering = try NumberingScheme.parse(body.numbering ?? "party", field: "numbering")
            let quorum = try QuorumRule.parse(body.quorum ?? "majority", field: "quorum")
            let created = try await docket.sessions.createBody(
                NewBody(name: body.name, code: body.code, numbering: numbering, term: body.term ?? "", quorum: quorum),
                as: actor)
            return .init(status: .created, response: created)
        }
        api.get("bodies/:body/members") { _, context in
            try await docket.sessions.members(of: context.parameters.value("body"), as: context.user())
        }
        api.put("bodies/:body/members/:user") { _, context in
            try await docket.sessions.addMember(
                context.parameters.value("user"), to: context.parameters.value("body"), as: context.user())
        }
        api.delete("bodies/:body/members/:user") { _, context in
            try await docket.sessions.removeMember(
                context.parameters.value("user"), from: context.parameters.value("body"), as: context.user())
        }
        api.get("sessions") { request, context in
            try await docket.sessions.list(body: request.query("body"), page: request.page(), as: context.user())
        }
        api.post("sessions") { request, context -> EditedResponse<Session> in
            let actor = try context.user()
            let body = try await request.decode(as: SessionRequest.self, context: context)
            let session = try await docket.sessions.create(
                NewSession(
                    body: body.body, title: body.title, startsAt: Timestamp.parse(body.startsAt, field: "startsAt"),
                    endsAt: body.endsAt.map { try Timestamp.parse($0, field: "endsAt") }, location: body.location),
                as: actor)
            return .init(status: .created, response: session)
        }
        api.get("sessions/:id") { _, context in
            try await docket.sessions.get(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/state") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: StateRequest.self, context: context)
            let state = try SessionState.parse(body.state, field: "state")
            return try await docket.sessions.advance(context.parameters.value("id"), to: state, as: actor)
        }
    }
}

extension Body: ResponseEncodable {}
extension Session: ResponseEncodable {}
