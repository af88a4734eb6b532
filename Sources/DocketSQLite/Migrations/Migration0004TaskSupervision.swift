import GRDB

/// Schema migration `0004-task-supervision`. Never edit a migration that has shipped; add the next.
enum Migration0004TaskSupervision {
    static let identifier = "0004-task-supervision"

    static func migrate(_ db: Database) throws {
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
}
