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
        let backEntered: Bool?
    }

    struct StateRequest: Decodable {
        let state: String
    }

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("bodies", use: listBodies)
        routes.post("bodies", use: createBody)
        routes.get("bodies/:body/members", use: listBodyMembers)
        routes.put("bodies/:body/members/:user", use: addBodyMember)
        routes.delete("bodies/:body/members/:user", use: removeBodyMember)
        routes.get("sessions", use: listSessions)
        routes.post("sessions", use: createSession)
        routes.get("sessions/:id", use: getSession)
        routes.post("sessions/:id/state", use: advanceSession)
        routes.get("sessions/:id/bridge-points", use: listBridgePoints)
        routes.post("sessions/:id/bridge-points", use: addBridgePoint)
        routes.get("sessions/:id/participants", use: listParticipants)
        routes.post("sessions/:id/participants", use: invite)
        routes.delete("sessions/:id/participants/:user", use: uninvite)
        routes.get("sessions/:id/attendance", use: getAttendance)
        routes.post("sessions/:id/attendance", use: recordAttendance)
        routes.post("sessions/:id/check-in", use: checkIn)
        routes.post("sessions/:id/check-out", use: checkOut)
        routes.get("sessions/:id/agenda", use: getAgenda)
        routes.get("sessions/:id/agenda/versions", use: listAgendaVersions)
        routes.post("sessions/:id/agenda", use: addAgendaItem)
        routes.patch("sessions/:id/agenda/:item", use: editAgendaItem)
        routes.delete("sessions/:id/agenda/:item", use: removeAgendaItem)
        routes.get("sessions/:id/conclusions", use: listConclusions)
        routes.post("sessions/:id/conclusions", use: addConclusion)
        routes.patch("sessions/:id/conclusions/:conclusion", use: editConclusion)
        routes.get("sessions/:id/amendments", use: listAmendments)
        routes.get("sessions/:id/pack", use: downloadPack)
        return routes
    }

    @Sendable func listBodies(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
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

    @Sendable func listBodyMembers(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.members(of: context.parameters.value("body"), as: context.user())
    }

    @Sendable func addBodyMember(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.addMember(
            context.parameters.value("user"), to: context.parameters.value("body"), as: context.user())
    }

    @Sendable func removeBodyMember(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.removeMember(
            context.parameters.value("user"), from: context.parameters.value("body"), as: context.user())
    }

    @Sendable func listSessions(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.list(body: request.query("body"), page: request.page(), as: context.user())
    }

    @Sendable func createSession(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Session> {
        let actor = try context.user()
        let body = try await request.decode(as: SessionRequest.self, context: context)
        let session = try await docket.sessions.create(
            NewSession(
                body: body.body, title: body.title, startsAt: body.startsAt, endsAt: body.endsAt, location: body.location,
                backEntered: body.backEntered ?? false, zone: docket.configuration.timeZone),
            as: actor)
        return .init(status: .created, response: session)
    }

    @Sendable func getSession(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.get(context.parameters.value("id"), as: context.user())
    }

    @Sendable func advanceSession(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: StateRequest.self, context: context)
        let state = try SessionState.parse(body.state, field: "state")
        return try await docket.sessions.advance(context.parameters.value("id"), to: state, as: actor)
    }
}

extension Body: ResponseEncodable {}
extension Session: ResponseEncodable {}
