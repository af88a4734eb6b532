import GRDB

extension SQLiteStorage {
    /// Numbered schema migrations; never edit one that has shipped, add the next.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-foundation") { db in
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
        migrator.registerMigration("0002-bodies-and-sessions") { db in
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
        migrator.registerMigration("0003-session-records") { db in
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
        migrator.registerMigration("0004-task-supervision") { db in
            try db.execute(
                sql: """
                    CREATE TABLE plan (
                        id TEXT PRIMARY KEY NOT NULL,
                        symbol TEXT NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        implements TEXT,
                        groups TEXT NOT NULL,
                        phases TEXT NOT NULL,
                        sessionID TEXT REFERENCES session(id),
                        createdBy TEXT NOT NULL,
                        createdAt TEXT NOT NULL
                    );
                    CREATE TABLE task (
                        id TEXT PRIMARY KEY NOT NULL,
                        planID TEXT NOT NULL REFERENCES plan(id),
                        code TEXT NOT NULL,
                        title TEXT NOT NULL,
                        description TEXT NOT NULL,
                        sourceSymbol TEXT,
                        conclusionID TEXT REFERENCES conclusion(id),
                        conclusionTask INTEGER,
                        "group" INTEGER,
                        phase TEXT,
                        leadAgency TEXT NOT NULL REFERENCES agency(code),
                        coordinatingAgencies TEXT NOT NULL,
                        assigneeID TEXT REFERENCES user(id),
                        assignedOn TEXT NOT NULL,
                        originalDeadline TEXT NOT NULL,
                        deadline TEXT NOT NULL,
                        "key" INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        completedOn TEXT,
                        evidence TEXT NOT NULL,
                        cancelReason TEXT,
                        percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
                        createdBy TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        UNIQUE (planID, code),
                        UNIQUE (conclusionID, conclusionTask)
                    );
                    CREATE INDEX task_lead ON task(leadAgency);
                    CREATE TABLE taskEvent (
                        taskID TEXT NOT NULL REFERENCES task(id),
                        sequence INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        effectiveOn TEXT NOT NULL,
                        status TEXT,
                        deadline TEXT,
                        percent INTEGER,
                        text TEXT,
                        approvedBy TEXT,
                        documents TEXT NOT NULL,
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        PRIMARY KEY (taskID, sequence)
                    ) WITHOUT ROWID;
                    -- Reports find each task's latest status and extension as of a date by one seek
                    -- here; the index holds the answer too, so the table is not read.
                    CREATE INDEX taskEvent_asOf ON taskEvent(taskID, kind, effectiveOn, sequence, status, deadline);
                    -- History is appended, never rewritten.
                    CREATE TRIGGER taskEvent_no_update BEFORE UPDATE ON taskEvent
                    BEGIN SELECT RAISE(ABORT, 'task history is never changed'); END;
                    CREATE TRIGGER taskEvent_no_delete BEFORE DELETE ON taskEvent
                    BEGIN SELECT RAISE(ABORT, 'task history is never removed'); END;
                    """)
        }
        migrator.registerMigration("0005-body-members") { db in
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
        migrator.registerMigration("0006-canonical-names", migrate: CanonicalKeys.migrate)
        return migrator
    }
}
