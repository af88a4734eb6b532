import DocketCore
import Foundation

extension PostgresTransaction: AuditRepository {
    static let eventColumns = "sequence, time, actor, action, subject, details, previousHash, hash"

    func auditHead() throws -> (sequence: Int64, hash: String)? {
        if let known = knownAuditHead { return known }
        let head: (sequence: Int64, hash: String)? = try rows("SELECT sequence, hash FROM auditEvent ORDER BY sequence DESC LIMIT 1").first
            .map { (try $0.required(0), try $0.required(1)) }
        remember(auditHead: head)
        return head
    }

    func auditEvents(filter: AuditFilter, page: Page) throws -> Paged<AuditEvent> {
        var matching = Filter()
        matching.add(filter.subject) { "subject = \($0)" }
        matching.add(filter.actor) { "actor = \($0)" }
        matching.add(filter.since) { "time >= \($0)" }
        return try self.page(AuditEvent.self, "FROM auditEvent \(matching.clause)", order: "sequence", matching.binds, page: page)
    }

    func auditEvents(after sequence: Int64, limit: Int) throws -> [AuditEvent] {
        try records(
            AuditEvent.self, "SELECT \(Self.eventColumns) FROM auditEvent WHERE sequence > $1 ORDER BY sequence LIMIT $2",
            [sequence, limit])
    }

    func lastAuditEvent(subject: String, actions: [String]) throws -> AuditEvent? {
        try record(
            AuditEvent.self,
            "SELECT \(Self.eventColumns) FROM auditEvent WHERE subject = $1 AND action = ANY($2) ORDER BY sequence DESC LIMIT 1",
            [subject, SQLValue.textArray(actions)])
    }

    func unloggedRecords() throws -> [(kind: String, count: Int)] {
        try [("users", "\"user\""), ("sessions", "session")].map { kind, table in
            (kind, try count("SELECT COUNT(*) FROM \(table) t WHERE NOT EXISTS (SELECT 1 FROM auditEvent WHERE subject = t.id)"))
        }
    }

    func latestCheckpoint() throws -> (size: Int, rootHash: String)? {
        try rows("SELECT size, rootHash FROM auditCheckpoint ORDER BY size DESC LIMIT 1").first
            .map { (try $0.required(0), try $0.required(1)) }
    }

    func checkpointNote(covering size: Int) throws -> String? {
        try scalar(String.self, "SELECT note FROM auditCheckpoint WHERE size >= $1 ORDER BY size LIMIT 1", [size])
    }

    func auditNode(level: Int, position: Int) throws -> [UInt8]? {
        try scalar(Data.self, "SELECT hash FROM auditNode WHERE level = $1 AND position = $2", [level, position]).map { Array($0) }
    }

    func auditTreeLeaves() throws -> Int {
        try count("SELECT COALESCE(MAX(position) + 1, 0) FROM auditNode WHERE level = 0")
    }

    func insertAuditNode(level: Int, position: Int, hash: [UInt8]) throws {
        try write("INSERT INTO auditNode (level, position, hash) VALUES ($1, $2, $3)", [level, position, Data(hash)])
    }

    func clearAuditTree() throws { try write("DELETE FROM auditNode") }

    func keepCheckpoint(size: Int, rootHash: String, signedAt: Date, note: String) throws {
        try write(
            "INSERT INTO auditCheckpoint (size, rootHash, signedAt, note) VALUES ($1, $2, $3, $4) ON CONFLICT (size) DO NOTHING",
            [size, rootHash, signedAt, note])
    }

    func append(_ event: AuditEvent) throws {
        remember(auditHead: nil)
        try insert(event, into: "auditEvent")
        remember(auditHead: (event.sequence, event.hash))
    }
}
