import DocketCore
import GRDB

/// Schema migration `0007-work-records`: registers, their entries and the processing of incoming
/// documents. Every body that has issued notices gets its outgoing register, and each notice
/// becomes that register's entry, so one engine numbers everything. Never edit a migration that
/// has shipped; add the next.
enum Migration0007WorkRecords {
    static let identifier = "0007-work-records"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE register (
                    id TEXT PRIMARY KEY NOT NULL,
                    code TEXT NOT NULL,
                    codeKey TEXT UNIQUE,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('incoming', 'outgoing')),
                    issuer TEXT NOT NULL,
                    issuerKey TEXT,
                    period TEXT NOT NULL CHECK (period IN ('year', 'term')),
                    term TEXT,
                    seriesPerType INTEGER NOT NULL,
                    secretSeries INTEGER NOT NULL,
                    createdBy TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                -- One outgoing register per issuer, so one symbol is never issued twice.
                CREATE UNIQUE INDEX register_outgoing_issuer ON register(issuerKey) WHERE kind = 'outgoing';
                CREATE TABLE registerEntry (
                    id TEXT PRIMARY KEY NOT NULL,
                    registerID TEXT NOT NULL REFERENCES register(id),
                    kind TEXT NOT NULL,
                    series TEXT NOT NULL,
                    number INTEGER NOT NULL CHECK (number >= 1),
                    year INTEGER NOT NULL,
                    symbol TEXT NOT NULL,
                    type TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    documentDate TEXT,
                    classification TEXT NOT NULL,
                    urgency TEXT NOT NULL,
                    pages INTEGER,
                    documentID TEXT REFERENCES document(id),
                    note TEXT,
                    registeredBy TEXT NOT NULL,
                    registeredAt TEXT NOT NULL,
                    signer TEXT,
                    recipients TEXT NOT NULL,
                    keptBy TEXT,
                    copies INTEGER,
                    answersID TEXT REFERENCES registerEntry(id),
                    noticeID TEXT REFERENCES notice(id),
                    sender TEXT,
                    senderSymbol TEXT,
                    senderKey TEXT,
                    arrivedAt TEXT,
                    deadline TEXT,
                    state TEXT,
                    handlerID TEXT REFERENCES user(id),
                    coordinatingIDs TEXT NOT NULL,
                    duplicateOf TEXT REFERENCES registerEntry(id),
                    signatureCheck TEXT,
                    withdrawnAt TEXT,
                    withdrawnBy TEXT,
                    withdrawReason TEXT,
                    UNIQUE (registerID, series, number)
                );
                CREATE INDEX registerEntry_year ON registerEntry(registerID, year);
                CREATE INDEX registerEntry_sender ON registerEntry(senderKey) WHERE senderKey IS NOT NULL;
                CREATE INDEX registerEntry_document ON registerEntry(documentID);
                CREATE INDEX registerEntry_open ON registerEntry(deadline) WHERE state IS NOT NULL;
                -- A number once issued stays, in its series, for good.
                CREATE TRIGGER registerEntry_no_renumber BEFORE UPDATE OF registerID, series, number, symbol ON registerEntry
                BEGIN SELECT RAISE(ABORT, 'a register number is never changed'); END;
                CREATE TRIGGER registerEntry_no_delete BEFORE DELETE ON registerEntry
                BEGIN SELECT RAISE(ABORT, 'register entries are never removed; withdraw them'); END;
                CREATE TABLE processingStep (
                    entryID TEXT NOT NULL REFERENCES registerEntry(id),
                    sequence INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    actorID TEXT NOT NULL,
                    at TEXT NOT NULL,
                    text TEXT,
                    handlerID TEXT REFERENCES user(id),
                    coordinatingIDs TEXT NOT NULL,
                    deadline TEXT,
                    answerID TEXT REFERENCES registerEntry(id),
                    taskID TEXT REFERENCES task(id),
                    PRIMARY KEY (entryID, sequence)
                ) WITHOUT ROWID;
                -- Everyone who handles or handled an entry; `current` while it is in their queue.
                CREATE TABLE processingHandler (
                    entryID TEXT NOT NULL REFERENCES registerEntry(id),
                    userID TEXT NOT NULL REFERENCES user(id),
                    current INTEGER NOT NULL,
                    PRIMARY KEY (userID, entryID)
                ) WITHOUT ROWID;
                CREATE INDEX processingHandler_entry ON processingHandler(entryID);
                CREATE TRIGGER processingStep_no_update BEFORE UPDATE ON processingStep
                BEGIN SELECT RAISE(ABORT, 'processing history is never changed'); END;
                CREATE TRIGGER processingStep_no_delete BEFORE DELETE ON processingStep
                BEGIN SELECT RAISE(ABORT, 'processing history is never removed'); END;
                """)
        try numberNoticesInRegisters(db)
    }

    /// Gives each body that issued notices its outgoing register and each notice its entry.
    private static func numberNoticesInRegisters(_ db: Database) throws {
        let bodies = try Row.fetchAll(
            db,
            sql: """
                SELECT id, code, name, numbering, term FROM body WHERE id IN (SELECT bodyID FROM notice) ORDER BY rowid
                """)
        for body in bodies {
            let bodyID: String = try body.decode(forColumn: "id")
            let code: String = try body.decode(forColumn: "code")
            let registerID = "reg_" + bodyID
            let party: String = try body.decode(forColumn: "numbering")
            try db.execute(
                sql: """
                    INSERT INTO register (id, code, codeKey, name, kind, issuer, issuerKey, period, term, seriesPerType,
                        secretSeries, createdBy, createdAt)
                    SELECT ?, ?, ?, ?, 'outgoing', ?, ?, ?, ?, 1, 0, 'system', MIN(issuedAt) FROM notice WHERE bodyID = ?
                    """,
                arguments: [
                    registerID, code, CanonicalName.key(code), "Sổ văn bản đi — " + (try body.decode(forColumn: "name") as String),
                    code, CanonicalName.key(code), party == "party" ? "term" : "year", try body.decode(forColumn: "term") as String,
                    bodyID,
                ])
            try db.execute(
                sql: """
                    INSERT INTO registerEntry (id, registerID, kind, series, number, year, symbol, type, summary, documentDate,
                        classification, urgency, documentID, registeredBy, registeredAt, recipients, noticeID, coordinatingIDs)
                    SELECT 'ent_' || id, ?, 'outgoing', period || '/' || type, number, year, symbol, type, title, NULL,
                        'internal', 'normal', documentID, issuedBy, issuedAt, agencies, id, '[]'
                    FROM notice WHERE bodyID = ? ORDER BY issuedAt
                    """,
                arguments: [registerID, bodyID])
        }
    }
}
