import DocketCore
import DocketPack
import DocketServices
import Foundation
import Hummingbird

/// What happens in a session over HTTP: bridge points, participants and attendance, the agenda,
/// conclusions, amendments, and the signed agenda pack.
struct SessionRecordRoutes {
    let docket: Docket

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

    func add(to api: RouterGroup<DocketRequestContext>) {
        let sessions = docket.sessions
        api.get("sessions/:id/bridge-points") { _, context in
            try await sessions.bridgePoints(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/bridge-points") { request, context -> EditedResponse<BridgePoint> in
            let actor = try context.user()
            let body = try await request.decode(as: BridgePointRequest.self, context: context)
            let point = try await sessions.addBridgePoint(
                context.parameters.value("id"), name: body.name, hostAgency: body.hostAgency, as: actor)
            return .init(status: .created, response: point)
        }
        api.get("sessions/:id/participants") { _, context in
            try await sessions.participants(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/participants") { request, context -> EditedResponse<ParticipantView> in
            let actor = try context.user()
            let body = try await request.decode(as: InviteRequest.self, context: context)
            let role = try ParticipantRole.parse(body.role ?? "member", field: "role")
            let participant = try await sessions.invite(
                context.parameters.value("id"), user: body.user, role: role, bridgePoint: body.bridgePoint, as: actor)
            return .init(status: .created, response: participant)
        }
        api.delete("sessions/:id/participants/:user") { _, context -> HTTPResponse.Status in
            try await sessions.uninvite(
                context.parameters.value("id"), user: context.parameters.value("user"), as: context.user())
            return .noContent
        }
        api.get("sessions/:id/attendance") { _, context in
            try await sessions.attendance(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/attendance") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: AttendanceRequest.self, context: context)
            let change = AttendanceChange(
                user: body.user, status: try AttendanceStatus.parse(body.status, field: "status"),
                at: try body.at.map { try Timestamp.parse($0, field: "at") },
                leftAt: try body.leftAt.map { try Timestamp.parse($0, field: "leftAt") }, reason: body.reason, proxy: body.proxy,
                amendment: body.amendment)
            return try await sessions.recordAttendance(context.parameters.value("id"), change, as: actor)
        }
        api.post("sessions/:id/check-in") { _, context in
            try await sessions.checkIn(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/check-out") { _, context in
            try await sessions.checkOut(context.parameters.value("id"), as: context.user())
        }
        api.get("sessions/:id/agenda") { request, context in
            try await sessions.agenda(context.parameters.value("id"), version: request.queryInt("version"), as: context.user())
        }
        api.get("sessions/:id/agenda/versions") { _, context in
            try await sessions.agendaVersions(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/agenda") { request, context -> EditedResponse<AgendaView> in
            let actor = try context.user()
            let body = try await request.decode(as: AgendaItemRequest.self, context: context)
            guard let title = body.title else { throw DocketError.invalid("title", "an agenda item needs a title") }
            let agenda = try await sessions.addAgendaItem(
                context.parameters.value("id"),
                NewAgendaItem(
                    title: title, presenter: body.presenter, plannedMinutes: body.plannedMinutes, parent: body.parent,
                    position: body.position, documents: body.documents ?? [], amendment: body.amendment),
                as: actor)
            return .init(status: .created, response: agenda)
        }
        api.patch("sessions/:id/agenda/:item") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: AgendaItemRequest.self, context: context)
            return try await sessions.editAgendaItem(
                context.parameters.value("id"), item: context.parameters.value("item"),
                AgendaItemEdit(
                    title: body.title, presenter: body.presenter, plannedMinutes: body.plannedMinutes,
                    status: try body.status.map { try AgendaItemStatus.parse($0, field: "status") }, documents: body.documents,
                    parent: body.parent, position: body.position, amendment: body.amendment),
                as: actor)
        }
        api.delete("sessions/:id/agenda/:item") { request, context in
            try await sessions.removeAgendaItem(
                context.parameters.value("id"), item: context.parameters.value("item"),
                amendment: request.query("amendment"), as: context.user())
        }
        api.get("sessions/:id/conclusions") { _, context in
            try await sessions.conclusions(context.parameters.value("id"), as: context.user())
        }
        api.post("sessions/:id/conclusions") { request, context -> EditedResponse<Conclusion> in
            let actor = try context.user()
            let body = try await request.decode(as: ConclusionRequest.self, context: context)
            let conclusion = try await sessions.addConclusion(
                context.parameters.value("id"),
                NewConclusion(text: body.text ?? "", item: body.item, tasks: body.tasks ?? [], amendment: body.amendment),
                as: actor)
            return .init(status: .created, response: conclusion)
        }
        api.patch("sessions/:id/conclusions/:conclusion") { request, context in
            let actor = try context.user()
            let body = try await request.decode(as: ConclusionRequest.self, context: context)
            return try await sessions.editConclusion(
                context.parameters.value("id"), conclusion: context.parameters.value("conclusion"), text: body.text,
                tasks: body.tasks, amendment: body.amendment, as: actor)
        }
        api.get("sessions/:id/amendments") { _, context in
            try await sessions.amendments(context.parameters.value("id"), as: context.user())
        }
        api.get("sessions/:id/pack") { _, context -> Response in
            let pack = try await docket.packs.pack(context.parameters.value("id"), as: context.user())
            var headers = HTTPFields()
            headers[.contentType] = "application/zip"
            headers[.contentDisposition] = DocumentRoutes.attachment(pack.filename)
            headers[.cacheControl] = "private, no-store"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody(contentLength: Int(pack.size)) { writer in
                    let box = WriterBox(writer)
                    try await pack.write { bytes in try await box.writer.write(ByteBuffer(bytes: bytes)) }
                    writer = box.writer
                    try await writer.finish(nil)
                })
        }
    }
}

extension BridgePoint: ResponseEncodable {}

extension ParticipantView: ResponseEncodable {}

extension AttendanceReport: ResponseEncodable {}

extension AgendaView: ResponseEncodable {}

extension Conclusion: ResponseEncodable {}

extension Agency: ResponseEncodable {}

extension Notice: ResponseEncodable {}

extension NoticeReceipts: ResponseEncodable {}

extension NoticeDelivery: ResponseEncodable {}
