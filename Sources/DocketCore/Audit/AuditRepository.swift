import Foundation

/// Reading the audit log inside a transaction.
public protocol AuditReadRepository {
    /// The sequence and hash of the last event, which the next one links to.
    func auditHead() throws -> (sequence: Int64, hash: String)?
    func auditEvents(filter: AuditFilter, page: Page) throws -> Paged<AuditEvent>
    /// Events in sequence order after `sequence`, for verification in batches.
    func auditEvents(after sequence: Int64, limit: Int) throws -> [AuditEvent]
    /// How many users and sessions no event mentions: their creating events are gone.
    func unloggedRecords() throws -> [(kind: String, count: Int)]
    /// The size and root hash (hex) of the largest checkpoint the store has signed.
    func latestCheckpoint() throws -> (size: Int, rootHash: String)?
}

/// Changing the audit log inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol AuditRepository: AuditReadRepository {
    /// Appends an event; a sequence number already taken is refused.
    /// Keeps a signed checkpoint; one of the same size is kept once.
    func keepCheckpoint(size: Int, rootHash: String, signedAt: Date, note: String) throws
        func append(_ event: AuditEvent) throws
}
