import GRDB

/// Schema migration `0005-body-members`. Never edit a migration that has shipped; add the next.
enum Migration0005BodyMembers {
    static let identifier = "0005-body-members"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE bodyMember (
                    bodyID TEXT NOT NULL REFERENCES body(id),
                    userID TEXT NOT NULL REFERENCES user(id),
                    addedAt TEXT NOT NULL,
                    PRIMARY KEY (bodyID, userID)
                ) WITHOUT ROWID;
                """)
    }
}
