import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// The audit log over HTTP (auditor, admin).
struct AuditController {
    let docket: Docket

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("audit/events", use: listAuditEvents)
        routes.get("audit/verification", use: verifyAuditLog)
        routes.post("audit/verification", use: verifyAgainstCheckpoint)
        routes.get("audit/checkpoint", use: checkpoint)
        routes.get("audit/log-key", use: logKey)
        routes.get("audit/events/:sequence/proof", use: prove)
        routes.post("audit/consistency", use: consistency)
        return routes
    }

    @Sendable func listAuditEvents(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let since = try request.query("since").map { try Timestamp.parse($0, field: "since") }
        return try await docket.auditLog.list(
            AuditFilter(subject: request.query("subject"), since: since, actor: request.query("actor")),
            page: request.page(), as: context.user())
    }

    @Sendable func verifyAuditLog(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.auditLog.verify(as: context.user())
    }

    /// The body is a checkpoint written before, as text.
    @Sendable func verifyAgainstCheckpoint(_ request: Request, context: DocketRequestContext) async throws -> AuditVerification {
        let user = try context.user()
        return try await docket.auditLog.verify(as: user, against: try await Self.note(request))
    }

    @Sendable func checkpoint(_ request: Request, context: DocketRequestContext) async throws -> Response {
        Self.text(try await docket.auditLog.checkpoint(as: context.user()), type: "text/plain; charset=utf-8")
    }

    @Sendable func logKey(_ request: Request, context: DocketRequestContext) async throws -> Response {
        Self.text(String(decoding: try await docket.auditLog.logKey(as: context.user()), as: UTF8.self), type: "application/x-pem-file")
    }

    @Sendable func prove(_ request: Request, context: DocketRequestContext) async throws -> InclusionProof {
        let text = try context.parameters.value("sequence")
        guard let sequence = Int64(text), sequence >= 1 else {
            throw DocketError.invalid("sequence", "an event's sequence is a whole number from 1, got '\(text)'")
        }
        return try await docket.auditLog.prove(sequence, as: context.user())
    }

    /// The body is the older checkpoint, as text.
    @Sendable func consistency(_ request: Request, context: DocketRequestContext) async throws -> ConsistencyProof {
        let user = try context.user()
        return try await docket.auditLog.consistency(from: try await Self.note(request), as: user)
    }

    private static func note(_ request: Request) async throws -> String {
        let body = try await request.body.collect(upTo: 16 << 10)
        guard body.readableBytes > 0 else {
            throw DocketError.invalid("checkpoint", "send the checkpoint's text as the body (from GET /api/v1/audit/checkpoint)")
        }
        return String(buffer: body)
    }

    private static func text(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension AuditVerification: ResponseEncodable {}
extension InclusionProof: ResponseEncodable {}
extension ConsistencyProof: ResponseEncodable {}
