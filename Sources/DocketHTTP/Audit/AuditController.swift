import DocketCore
import DocketServices
import Hummingbird

/// The audit log over HTTP (auditor, admin).
struct AuditController {
    let docket: Docket

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("audit/events", use: listAuditEvents)
        routes.get("audit/verification", use: verifyAuditLog)
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
}

extension AuditVerification: ResponseEncodable {}
