import GRDB

/// Schema migration `0011-auth-generation`: one counter that every change to a user or a token
/// raises, by trigger, whichever process makes it. A server caches who each token belongs to and
/// reads only this counter to learn that a revocation, a disabled user or a role change elsewhere
/// has made its cache stale. Never edit a migration that has shipped; add the next.
enum Migration0011AuthGeneration {
    static let identifier = "0011-auth-generation"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE authGeneration (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    value INTEGER NOT NULL
                );
                INSERT INTO authGeneration (id, value) VALUES (1, 0);
                CREATE TRIGGER user_update_changes_auth AFTER UPDATE ON user
                BEGIN UPDATE authGeneration SET value = value + 1; END;
                CREATE TRIGGER user_delete_changes_auth AFTER DELETE ON user
                BEGIN UPDATE authGeneration SET value = value + 1; END;
                CREATE TRIGGER accessToken_update_changes_auth AFTER UPDATE ON accessToken
                BEGIN UPDATE authGeneration SET value = value + 1; END;
                CREATE TRIGGER accessToken_delete_changes_auth AFTER DELETE ON accessToken
                BEGIN UPDATE authGeneration SET value = value + 1; END;
                """)
    }
}
