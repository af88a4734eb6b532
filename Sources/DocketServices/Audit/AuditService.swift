import DocketCore
import Foundation

/// Reading and verifying the audit log (auditors and admins).
public struct AuditService: Sendable {
    let storage: any Storage

    /// Events matching `filter`, in sequence order.
    public func list(_ filter: AuditFilter, page: Page, as user: User) async throws -> Paged<AuditEvent> {
        try user.require(.readAudit)
        return try await storage.read { try $0.auditEvents(filter: filter, page: page) }
    }

    /// Recomputes every hash and link, in batches, and names the first event that does not match.
    public func verify(as user: User) async throws -> AuditVerification {
        try user.require(.readAudit)
        return try await storage.read { reader in
            var expectedSequence: Int64 = 1
            var previousHash = AuditEvent.genesisHash
            while true {
                let batch = try reader.auditEvents(after: expectedSequence - 1, limit: 10_000)
                if batch.isEmpty { break }
                for event in batch {
                    if let problem = Self.problem(with: event, sequence: expectedSequence, previous: previousHash) {
                        return AuditVerification(
                            eventsChecked: expectedSequence, firstBrokenSequence: event.sequence, problem: problem)
                    }
                    previousHash = event.hash
                    expectedSequence += 1
                }
            }
            return AuditVerification(eventsChecked: expectedSequence - 1, firstBrokenSequence: nil, problem: nil)
        }
    }

    private static func problem(with event: AuditEvent, sequence: Int64, previous: String) -> String? {
        if event.sequence != sequence {
            return "event \(sequence) is missing (the next stored event is \(event.sequence))"
        }
        if event.previousHash != previous {
            return "event \(sequence) does not link to event \(sequence - 1) (previous hash differs)"
        }
        if AuditLog.hash(of: event) != event.hash {
            return "event \(sequence) (\(event.action) on \(event.subject)) was altered: its hash does not match its content"
        }
        return nil
    }
}
