import GRDB

/// Schema migration `0015-back-entries`: sessions, notices and register entries that happened
/// before Docket (on paper) and were entered afterwards with their real numbers and dates.
/// Never edit a migration that has shipped; add the next.
enum Migration0015BackEntries {
    static let identifier = "0015-back-entries"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE session ADD COLUMN backEntered INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE notice ADD COLUMN backEntered INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE registerEntry ADD COLUMN backEntered INTEGER NOT NULL DEFAULT 0;
                """)
    }
}
