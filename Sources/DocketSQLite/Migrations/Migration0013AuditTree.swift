import GRDB

/// Schema migration `0013-audit-tree`: the audit log's Merkle tree, every complete subtree's hash
/// by level and position, so a proof reads O(log² n) nodes instead of rehashing every event. The
/// nodes derive from the events: stores from before fill them in on the first proof asked.
/// Never edit a migration that has shipped; add the next.
enum Migration0013AuditTree {
    static let identifier = "0013-audit-tree"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE auditNode (
                    level INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    hash BLOB NOT NULL,
                    PRIMARY KEY (level, position)
                ) WITHOUT ROWID;
                """)
    }
}
