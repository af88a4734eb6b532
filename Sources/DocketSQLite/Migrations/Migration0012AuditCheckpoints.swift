import GRDB

/// Schema migration `0012-audit-checkpoints`: the checkpoints the store has signed, so it never
/// signs one that an earlier one contradicts. Never edit a migration that has shipped; add the next.
enum Migration0012AuditCheckpoints {
    static let identifier = "0012-audit-checkpoints"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE auditCheckpoint (
                    size INTEGER PRIMARY KEY NOT NULL,
                    rootHash TEXT NOT NULL,
                    signedAt TEXT NOT NULL,
                    note TEXT NOT NULL
                );
                """)
    }
}
