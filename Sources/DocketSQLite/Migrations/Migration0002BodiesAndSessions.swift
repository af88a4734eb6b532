import GRDB

/// Schema migration `0002-bodies-and-sessions`. Never edit a migration that has shipped; add the next.
enum Migration0002BodiesAndSessions {
    static let identifier = "0002-bodies-and-sessions"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE body (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    code TEXT NOT NULL UNIQUE,
                    numbering TEXT NOT NULL CHECK (numbering IN ('party', 'state')),
                    term TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    bodyID TEXT NOT NULL REFERENCES body(id),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    title TEXT NOT NULL,
                    startsAt TEXT NOT NULL,
                    endsAt TEXT,
                    location TEXT,
                    state TEXT NOT NULL,
                    createdBy TEXT NOT NULL REFERENCES user(id),
                    createdAt TEXT NOT NULL,
                    UNIQUE (bodyID, number)
                );
                CREATE INDEX session_startsAt ON session(startsAt);
                """)
    }
}
