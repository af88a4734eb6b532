import DocketCore
import DocketServices
import Hummingbird

/// Bodies, sessions and their records over HTTP; the handlers of the records are in
/// `SessionController+Records.swift`.
struct SessionController {
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

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("bodies", use: bodies)
        routes.post("bodies", use: createBody)
        routes.get("bodies/:body/members", use: members)
        routes.put("bodies/:body/members/:user", use: addMember)
        routes.delete("bodies/:body/members/:user", use: removeMember)
        routes.get("sessions", use: list)
        routes.post("sessions", use: create)
        routes.get("sessions/:id", use: get)
        routes.post("sessions/:id/state", use: advance)
        routes.get("sessions/:id/bridge-points", use: bridgePoints)
        routes.post("sessions/:id/bridge-points", use: addBridgePoint)
        routes.get("sessions/:id/participants", use: participants)
        routes.post("sessions/:id/participants", use: invite)
        routes.delete("sessions/:id/participants/:user", use: uninvite)
        routes.get("sessions/:id/attendance", use: attendance)
        routes.post("sessions/:id/attendance", use: recordAttendance)
        routes.post("sessions/:id/check-in", use: checkIn)
        routes.post("sessions/:id/check-out", use: checkOut)
        routes.get("sessions/:id/agenda", use: agenda)
        routes.get("sessions/:id/agenda/versions", use: agendaVersions)
        routes.post("sessions/:id/agenda", use: addAgendaItem)
        routes.patch("sessions/:id/agenda/:item", use: editAgendaItem)
        routes.delete("sessions/:id/agenda/:item", use: removeAgendaItem)
        routes.get("sessions/:id/conclusions", use: conclusions)
        routes.post("sessions/:id/conclusions", use: addConclusion)
        routes.patch("sessions/:id/conclusions/:conclusion", use: editConclusion)
        routes.get("sessions/:id/amendments", use: amendments)
        routes.get("sessions/:id/pack", use: pack)
        return routes
    }

    @Sendable func bodies(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.bodies(page: request.page(), as: context.user())
    }

    @Sendable func createBody(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Body> {
        let actor = try context.user()
        let body = try await request.decode(as: BodyRequest.self, context: context)
        let created = try await docket.sessions.createBody(
            NewBody(name: body.name, code: body.code, numbering: body.numbering, term: body.term, quorum: body.quorum),
            as: actor)
        return .init(status: .created, response: created)
    }

    @Sendable func members(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.members(of: context.parameters.value("body"), as: context.user())
    }

    @Sendable func addMember(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.addMember(
            context.parameters.value("user"), to: context.parameters.value("body"), as: context.user())
    }

    @Sendable func removeMember(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.removeMember(
            context.parameters.value("user"), from: context.parameters.value("body"), as: context.user())
    }

    @Sendable func list(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.list(body: request.query("body"), page: request.page(), as: context.user())
    }

    @Sendable func create(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Session> {
        let actor = try context.user()
        let body = try await request.decode(as: SessionRequest.self, context: context)
        let session = try await docket.sessions.create(
            NewSession(
                body: body.body, title: body.title, startsAt: body.startsAt, endsAt: body.endsAt, location: body.location),
            as: actor)
        return .init(status: .created, response: session)
    }

    @Sendable func get(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.get(context.parameters.value("id"), as: context.user())
    }

    @Sendable func advance(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: StateRequest.self, context: context)
        let state = try SessionState.parse(body.state, field: "state")
        return try await docket.sessions.advance(context.parameters.value("id"), to: state, as: actor)
    }
}

extension Body: ResponseEncodable {}
extension Session: ResponseEncodable {}
