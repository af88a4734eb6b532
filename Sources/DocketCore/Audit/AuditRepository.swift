import Foundation

/// Reading the audit log inside a transaction.
public protocol AuditReadRepository {
    /// The sequence and hash of the last event, which the next one links to.
    func auditHead() throws -> (sequence: Int64, hash: String)?
    func auditEvents(filter: AuditFilter, page: Page) throws -> Paged<AuditEvent>
    /// Events in sequence order after `sequence`, for verification in batches.
    func auditEvents(after sequence: Int64, limit: Int) throws -> [AuditEvent]
    /// The newest event about `subject` with one of `actions`.
    func lastAuditEvent(subject: String, actions: [String]) throws -> AuditEvent?
    /// How many users and sessions no event mentions: their creating events are gone.
    func unloggedRecords() throws -> [(kind: String, count: Int)]
    /// The size and root hash (hex) of the largest checkpoint the store has signed.
    func latestCheckpoint() throws -> (size: Int, rootHash: String)?
    /// The note of the smallest kept checkpoint of at least `size` events.
    func checkpointNote(covering size: Int) throws -> String?
    /// The hash of the complete subtree of 2^`level` leaves at `position` of its level.
    func auditNode(level: Int, position: Int) throws -> [UInt8]?
    /// How many leaves the stored tree holds.
    func auditTreeLeaves() throws -> Int
}

/// Changing the audit log inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol AuditRepository: AuditReadRepository {
    /// Stores a node of the Merkle tree.
    func insertAuditNode(level: Int, position: Int, hash: [UInt8]) throws
    /// Drops the stored tree, to build it again from the events.
    func clearAuditTree() throws
    /// Keeps a signed checkpoint; one of the same size is kept once.
    func keepCheckpoint(size: Int, rootHash: String, signedAt: Date, note: String) throws
    /// Appends an event; a sequence number already taken is refused.
    func append(_ event: AuditEvent) throws
}
