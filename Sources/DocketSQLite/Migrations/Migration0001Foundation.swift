import GRDB

/// Schema migration `0001-foundation`. Never edit a migration that has shipped; add the next.
enum Migration0001Foundation {
    static let identifier = "0001-foundation"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE user (
                    id TEXT PRIMARY KEY NOT NULL,
                    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    roles TEXT NOT NULL,
                    agency TEXT,
                    clearance TEXT NOT NULL,
                    passwordHash TEXT,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    createdAt TEXT NOT NULL
                );
                CREATE TABLE accessToken (
                    id TEXT PRIMARY KEY NOT NULL,
                    userID TEXT NOT NULL REFERENCES user(id),
                    secretHash TEXT NOT NULL UNIQUE,
                    createdAt TEXT NOT NULL,
                    expiresAt TEXT
                );
                CREATE INDEX accessToken_userID ON accessToken(userID);
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    filename TEXT NOT NULL,
                    mediaType TEXT NOT NULL,
                    size INTEGER NOT NULL CHECK (size >= 0),
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    classification TEXT NOT NULL,
                    createdBy TEXT NOT NULL REFERENCES user(id),
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX document_sha256 ON document(sha256);
                CREATE INDEX document_createdAt ON document(createdAt);
                CREATE TABLE documentSignature (
                    documentID TEXT NOT NULL REFERENCES document(id),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    signerSubject TEXT NOT NULL,
                    signerIssuer TEXT NOT NULL,
                    signerSerial TEXT NOT NULL,
                    signedBy TEXT NOT NULL REFERENCES user(id),
                    signedAt TEXT NOT NULL,
                    der BLOB NOT NULL,
                    PRIMARY KEY (documentID, number)
                );
                CREATE TABLE auditEvent (
                    sequence INTEGER PRIMARY KEY NOT NULL,
                    time TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    details TEXT NOT NULL,
                    previousHash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX auditEvent_subject ON auditEvent(subject);
                CREATE INDEX auditEvent_time ON auditEvent(time);
                CREATE TRIGGER auditEvent_appendOnly_update BEFORE UPDATE ON auditEvent
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                CREATE TRIGGER auditEvent_appendOnly_delete BEFORE DELETE ON auditEvent
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """)
    }
}
