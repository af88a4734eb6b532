import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: AuditRepository {
    func auditHead() throws -> (sequence: Int64, hash: String)? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT sequence, hash FROM auditEvent ORDER BY sequence DESC LIMIT 1"))
        return try row.map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
    }

    func auditEvents(filter: AuditFilter, page: Page) throws -> Paged<AuditEvent> {
        var request = AuditEvent.all()
        if let subject = filter.subject { request = request.filter(AuditEvent.Columns.subject == subject) }
        if let actor = filter.actor { request = request.filter(AuditEvent.Columns.actor == actor) }
        if let since = filter.since { request = request.filter(AuditEvent.Columns.time >= since) }
        let items = try request.order(AuditEvent.Columns.sequence).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    // Verification and appends run once per event, so these two use cached raw statements.

    func auditEvents(after sequence: Int64, limit: Int) throws -> [AuditEvent] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT sequence, time, actor, action, subject, details, previousHash, hash
                FROM auditEvent WHERE sequence > ? ORDER BY sequence LIMIT ?
                """)
        return try AuditEvent.fetchAll(statement, arguments: [sequence, limit])
    }

    func lastAuditEvent(subject: String, actions: [String]) throws -> AuditEvent? {
        try AuditEvent.fetchOne(
            db,
            sql: """
                SELECT sequence, time, actor, action, subject, details, previousHash, hash FROM auditEvent
                WHERE subject = ? AND action IN (\(actions.map { _ in "?" }.joined(separator: ", "))) ORDER BY sequence DESC LIMIT 1
                """,
            arguments: StatementArguments([subject] + actions))
    }

    func unloggedRecords() throws -> [(kind: String, count: Int)] {
        try [("users", "user"), ("sessions", "session")].map { kind, table in
            let count = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM \(table) WHERE NOT EXISTS (SELECT 1 FROM auditEvent WHERE subject = \(table).id)") ?? 0
            return (kind, count)
        }
    }

    func latestCheckpoint() throws -> (size: Int, rootHash: String)? {
        try Row.fetchOne(db, sql: "SELECT size, rootHash FROM auditCheckpoint ORDER BY size DESC LIMIT 1")
            .map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
    }

    func checkpointNote(covering size: Int) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT note FROM auditCheckpoint WHERE size >= ? ORDER BY size LIMIT 1"), arguments: [size])
    }

    func auditNode(level: Int, position: Int) throws -> [UInt8]? {
        try Data.fetchOne(
            db.cachedStatement(sql: "SELECT hash FROM auditNode WHERE level = ? AND position = ?"), arguments: [level, position]
        ).map { Array($0) }
    }

    func auditTreeLeaves() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM auditNode WHERE level = 0")) ?? 0
    }

    func insertAuditNode(level: Int, position: Int, hash: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT INTO auditNode (level, position, hash) VALUES (?, ?, ?)")
            .execute(arguments: [level, position, Data(hash)])
    }

    func clearAuditTree() throws { try db.execute(sql: "DELETE FROM auditNode") }

    func keepCheckpoint(size: Int, rootHash: String, signedAt: Date, note: String) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO auditCheckpoint (size, rootHash, signedAt, note) VALUES (?, ?, ?, ?)",
            arguments: [size, rootHash, signedAt, note])
    }

    func append(_ event: AuditEvent) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO auditEvent (sequence, time, actor, action, subject, details, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            event.sequence, StoredDate.value(event.time), event.actor, event.action, event.subject, event.details, event.previousHash,
            event.hash,
        ])
    }
}
