import DocketCore
import DocketPack
import DocketServices
import Foundation
import Hummingbird

/// What happens in a session over HTTP: bridge points, participants and attendance, the agenda,
/// conclusions, amendments, and the signed agenda pack.
extension SessionController {
    struct BridgePointRequest: Decodable {
        let name: String
        let hostAgency: String
    }

    struct InviteRequest: Decodable {
        let user: String
        let role: String?
        let bridgePoint: String?
    }

    struct AttendanceRequest: Decodable {
        let user: String
        let status: String
        let at: String?
        let leftAt: String?
        let reason: String?
        let proxy: String?
        let amendment: String?
    }

    struct AgendaItemRequest: Decodable {
        let title: String?
        let presenter: String?
        let plannedMinutes: Int?
        let status: String?
        let parent: String?
        let position: Int?
        let documents: [String]?
        let amendment: String?
    }

    struct ConclusionRequest: Decodable {
        let text: String?
        let item: String?
        let tasks: [AssignedTask]?
        let amendment: String?
    }

    struct AmendmentQuery: Decodable {
        let amendment: String?
    }

    @Sendable func listBridgePoints(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.bridgePoints(context.parameters.value("id"), as: context.user())
    }

    @Sendable func addBridgePoint(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<BridgePoint> {
        let actor = try context.user()
        let body = try await request.decode(as: BridgePointRequest.self, context: context)
        let point = try await docket.sessions.addBridgePoint(
            context.parameters.value("id"), name: body.name, hostAgency: body.hostAgency, as: actor)
        return .init(status: .created, response: point)
    }

    @Sendable func listParticipants(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.participants(context.parameters.value("id"), as: context.user())
    }

    @Sendable func invite(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<ParticipantView> {
        let actor = try context.user()
        let body = try await request.decode(as: InviteRequest.self, context: context)
        let role = try ParticipantRole.invitation(body.role)
        let participant = try await docket.sessions.invite(
            context.parameters.value("id"), user: body.user, role: role, bridgePoint: body.bridgePoint, as: actor)
        return .init(status: .created, response: participant)
    }

    @Sendable func uninvite(_ request: Request, context: DocketRequestContext) async throws -> HTTPResponse.Status {
        try await docket.sessions.uninvite(
            context.parameters.value("id"), user: context.parameters.value("user"), as: context.user())
        return .noContent
    }

    @Sendable func getAttendance(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.attendance(context.parameters.value("id"), as: context.user())
    }

    @Sendable func recordAttendance(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: AttendanceRequest.self, context: context)
        let change = try AttendanceChange(
            user: body.user, status: body.status, at: body.at, leftAt: body.leftAt, reason: body.reason, proxy: body.proxy,
            amendment: body.amendment, zone: docket.configuration.timeZone)
        return try await docket.sessions.recordAttendance(context.parameters.value("id"), change, as: actor)
    }

    @Sendable func checkIn(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.checkIn(context.parameters.value("id"), as: context.user())
    }

    @Sendable func checkOut(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.checkOut(context.parameters.value("id"), as: context.user())
    }

    @Sendable func getAgenda(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.agenda(context.parameters.value("id"), version: request.queryInt("version"), as: context.user())
    }

    @Sendable func listAgendaVersions(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.agendaVersions(context.parameters.value("id"), as: context.user())
    }

    @Sendable func addAgendaItem(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<AgendaView> {
        let actor = try context.user()
        let body = try await request.decode(as: AgendaItemRequest.self, context: context)
        guard let title = body.title else { throw DocketError.invalid("title", "an agenda item needs a title") }
        let agenda = try await docket.sessions.addAgendaItem(
            context.parameters.value("id"),
            NewAgendaItem(
                title: title, presenter: body.presenter, plannedMinutes: body.plannedMinutes, parent: body.parent,
                position: body.position, documents: body.documents ?? [], amendment: body.amendment),
            as: actor)
        return .init(status: .created, response: agenda)
    }

    @Sendable func editAgendaItem(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: AgendaItemRequest.self, context: context)
        return try await docket.sessions.editAgendaItem(
            context.parameters.value("id"), item: context.parameters.value("item"),
            AgendaItemEdit(
                title: body.title, presenter: body.presenter, plannedMinutes: body.plannedMinutes,
                status: try body.status.map { try AgendaItemStatus.parse($0, field: "status") }, documents: body.documents,
                parent: body.parent, position: body.position, amendment: body.amendment),
            as: actor)
    }

    @Sendable func removeAgendaItem(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.removeAgendaItem(
            context.parameters.value("id"), item: context.parameters.value("item"),
            amendment: request.query("amendment"), as: context.user())
    }

    @Sendable func listConclusions(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.conclusions(context.parameters.value("id"), as: context.user())
    }

    @Sendable func addConclusion(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Conclusion> {
        let actor = try context.user()
        let body = try await request.decode(as: ConclusionRequest.self, context: context)
        let conclusion = try await docket.sessions.addConclusion(
            context.parameters.value("id"),
            NewConclusion(text: body.text ?? "", item: body.item, tasks: body.tasks ?? [], amendment: body.amendment),
            as: actor)
        return .init(status: .created, response: conclusion)
    }

    @Sendable func editConclusion(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let body = try await request.decode(as: ConclusionRequest.self, context: context)
        return try await docket.sessions.editConclusion(
            context.parameters.value("id"), conclusion: context.parameters.value("conclusion"), text: body.text,
            tasks: body.tasks, amendment: body.amendment, as: actor)
    }

    @Sendable func listAmendments(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.sessions.amendments(context.parameters.value("id"), as: context.user())
    }

    @Sendable func downloadPack(_ request: Request, context: DocketRequestContext) async throws -> Response {
        .download(try await docket.packs.pack(context.parameters.value("id"), as: context.user()))
    }
}

extension BridgePoint: ResponseEncodable {}

extension ParticipantView: ResponseEncodable {}

extension AttendanceReport: ResponseEncodable {}

extension AgendaView: ResponseEncodable {}

extension Conclusion: ResponseEncodable {}


extension Notice: ResponseEncodable {}

extension NoticeReceipts: ResponseEncodable {}

extension NoticeDelivery: ResponseEncodable {}
extension OpenedNotice: ResponseEncodable {}
