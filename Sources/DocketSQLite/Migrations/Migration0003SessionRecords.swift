import GRDB

/// Schema migration `0003-session-records`. Never edit a migration that has shipped; add the next.
enum Migration0003SessionRecords {
    static let identifier = "0003-session-records"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE body ADD COLUMN quorum TEXT NOT NULL DEFAULT 'majority';
                ALTER TABLE session ADD COLUMN agendaVersion INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE session ADD COLUMN attendanceRecordID TEXT REFERENCES document(id);
                CREATE TABLE agency (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX user_agency ON user(agency);
                CREATE TABLE bridgePoint (
                    id TEXT PRIMARY KEY NOT NULL,
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    name TEXT NOT NULL,
                    hostAgency TEXT NOT NULL REFERENCES agency(code),
                    UNIQUE (sessionID, name)
                );
                CREATE TABLE participant (
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    userID TEXT NOT NULL REFERENCES user(id),
                    role TEXT NOT NULL,
                    bridgePointID TEXT REFERENCES bridgePoint(id),
                    status TEXT NOT NULL,
                    arrivedAt TEXT,
                    leftAt TEXT,
                    reason TEXT,
                    proxy TEXT,
                    PRIMARY KEY (sessionID, userID)
                ) WITHOUT ROWID;
                CREATE INDEX participant_user ON participant(userID);
                CREATE TABLE agendaItem (
                    id TEXT PRIMARY KEY NOT NULL,
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    parentID TEXT REFERENCES agendaItem(id),
                    position INTEGER NOT NULL CHECK (position >= 1),
                    title TEXT NOT NULL,
                    presenter TEXT,
                    plannedMinutes INTEGER,
                    status TEXT NOT NULL,
                    documentIDs TEXT NOT NULL
                );
                CREATE INDEX agendaItem_session ON agendaItem(sessionID);
                CREATE TABLE agendaVersion (
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    version INTEGER NOT NULL,
                    items TEXT NOT NULL,
                    change TEXT NOT NULL,
                    createdBy TEXT NOT NULL,
                    createdAt TEXT NOT NULL,
                    PRIMARY KEY (sessionID, version)
                );
                CREATE TABLE conclusion (
                    id TEXT PRIMARY KEY NOT NULL,
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    agendaItemID TEXT REFERENCES agendaItem(id),
                    text TEXT NOT NULL,
                    tasks TEXT NOT NULL,
                    createdBy TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX conclusion_session ON conclusion(sessionID);
                CREATE TABLE amendment (
                    id TEXT PRIMARY KEY NOT NULL,
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    subject TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    before TEXT NOT NULL,
                    after TEXT NOT NULL,
                    createdBy TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX amendment_session ON amendment(sessionID);
                CREATE TABLE notice (
                    id TEXT PRIMARY KEY NOT NULL,
                    bodyID TEXT NOT NULL REFERENCES body(id),
                    sessionID TEXT REFERENCES session(id),
                    kind TEXT NOT NULL,
                    type TEXT NOT NULL,
                    number INTEGER NOT NULL CHECK (number >= 1),
                    period TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    symbol TEXT NOT NULL,
                    title TEXT NOT NULL,
                    documentID TEXT NOT NULL REFERENCES document(id),
                    agencies TEXT NOT NULL,
                    issuedBy TEXT NOT NULL,
                    issuedAt TEXT NOT NULL,
                    UNIQUE (bodyID, type, period, number)
                );
                CREATE INDEX notice_session ON notice(sessionID);
                CREATE INDEX notice_document ON notice(documentID);
                CREATE TABLE noticeRecipient (
                    noticeID TEXT NOT NULL REFERENCES notice(id),
                    userID TEXT NOT NULL REFERENCES user(id),
                    readAt TEXT,
                    PRIMARY KEY (noticeID, userID)
                ) WITHOUT ROWID;
                CREATE INDEX noticeRecipient_user ON noticeRecipient(userID);
                -- A number once issued stays: register rows are never edited or removed.
                CREATE TRIGGER notice_no_update BEFORE UPDATE ON notice
                BEGIN SELECT RAISE(ABORT, 'notices are never changed'); END;
                CREATE TRIGGER notice_no_delete BEFORE DELETE ON notice
                BEGIN SELECT RAISE(ABORT, 'notices are never removed'); END;
                """)
    }
}
