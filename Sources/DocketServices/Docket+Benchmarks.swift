import DocketCore
import Foundation

extension Docket {
    /// Appends `count` audit events in one transaction, the way every service does inside its own
    /// transaction. Benchmarks measure the audit log with it; nothing else should call it (the
    /// seeding of benchmark stores lives in the Benchmarks package, on the public services).
    @_spi(Benchmarks) public func appendAuditEvents(
        count: Int, actor: String, action: AuditAction, subject: String, details: [String: String]
    ) async throws {
        try await storage.write { writer in
            for _ in 0..<count {
                try self.audit.record(writer, actor: actor, action: action, subject: subject, details: details)
            }
        }
    }
}
