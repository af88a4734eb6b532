import DocketCore
import DocketServices
import Hummingbird

/// The audit log and the store check (auditor, admin).
struct AuditRoutes {
    let docket: Docket

    func add(to group: RouterGroup<DocketRequestContext>) {
        group.get("audit/events") { request, context in
            let since = try request.query("since").map { try Timestamp.parse($0, field: "since") }
            return try await docket.auditLog.list(
                AuditFilter(subject: request.query("subject"), since: since, actor: request.query("actor")),
                page: request.page(), as: context.user())
        }
        group.get("audit/verification") { _, context in try await docket.auditLog.verify(as: context.user()) }
        group.get("store/check") { _, context in try await docket.store.check(as: context.user()) }
        group.get("keys") { _, context in try docket.keyring.show(as: context.user()) }
    }
}

extension AuditVerification: ResponseEncodable {}
extension StoreCheck: ResponseEncodable {}
extension KeyOverview: ResponseEncodable {}
