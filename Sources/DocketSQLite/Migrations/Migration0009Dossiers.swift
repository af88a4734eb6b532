import GRDB

/// Schema migration `0009-dossiers`: filing plans, dossiers and their documents, holds, the
/// documents a disposal destroyed, the incoming document a task came from, and dossiers' search text. Never edit a migration that has shipped; add the next.
enum Migration0009Dossiers {
    static let identifier = "0009-dossiers"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE filingPlan (
                    id TEXT PRIMARY KEY NOT NULL,
                    unit TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    state TEXT NOT NULL CHECK (state IN ('draft', 'approved')),
                    headings TEXT NOT NULL,
                    createdBy TEXT NOT NULL,
                    createdAt TEXT NOT NULL,
                    approvedBy TEXT,
                    approvedAt TEXT,
                    UNIQUE (unit, year, version)
                );
                -- An approved plan never changes: a change is a new version.
                CREATE TRIGGER filingPlan_approved_stays BEFORE UPDATE ON filingPlan WHEN OLD.state = 'approved'
                BEGIN SELECT RAISE(ABORT, 'an approved filing plan is never changed; make a new version'); END;
                CREATE TABLE dossier (
                    id TEXT PRIMARY KEY NOT NULL,
                    code TEXT NOT NULL UNIQUE,
                    planID TEXT NOT NULL REFERENCES filingPlan(id),
                    headingCode TEXT NOT NULL,
                    number INTEGER NOT NULL CHECK (number >= 1),
                    title TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    clerkID TEXT NOT NULL REFERENCES user(id),
                    openedOn TEXT NOT NULL,
                    closedOn TEXT,
                    retentionYears INTEGER,
                    retentionReason TEXT,
                    accessLevel TEXT NOT NULL,
                    language TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'transferred', 'disposed')),
                    createdBy TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                CREATE TRIGGER dossier_no_delete BEFORE DELETE ON dossier
                BEGIN SELECT RAISE(ABORT, 'dossiers are never removed; a disposal keeps them as stubs'); END;
                CREATE TABLE dossierItem (
                    dossierID TEXT NOT NULL REFERENCES dossier(id),
                    position INTEGER NOT NULL CHECK (position >= 1),
                    documentID TEXT NOT NULL REFERENCES document(id),
                    entryID TEXT REFERENCES registerEntry(id),
                    note TEXT,
                    addedBy TEXT NOT NULL,
                    addedAt TEXT NOT NULL,
                    PRIMARY KEY (dossierID, position),
                    UNIQUE (dossierID, documentID)
                ) WITHOUT ROWID;
                CREATE INDEX dossierItem_document ON dossierItem(documentID);
                CREATE TRIGGER dossierItem_no_change BEFORE UPDATE ON dossierItem
                BEGIN SELECT RAISE(ABORT, 'a dossier keeps its documents as filed'); END;
                CREATE TRIGGER dossierItem_no_delete BEFORE DELETE ON dossierItem
                BEGIN SELECT RAISE(ABORT, 'a dossier keeps its documents as filed'); END;
                CREATE TABLE hold (
                    id TEXT PRIMARY KEY NOT NULL,
                    reason TEXT NOT NULL,
                    dossierIDs TEXT NOT NULL,
                    placedBy TEXT NOT NULL,
                    placedAt TEXT NOT NULL,
                    releasedBy TEXT,
                    releasedAt TEXT,
                    releaseReason TEXT
                );
                CREATE TABLE holdDossier (
                    holdID TEXT NOT NULL REFERENCES hold(id),
                    dossierID TEXT NOT NULL REFERENCES dossier(id),
                    PRIMARY KEY (dossierID, holdID)
                ) WITHOUT ROWID;
                CREATE TABLE disposedDocument (
                    documentID TEXT PRIMARY KEY NOT NULL REFERENCES document(id),
                    disposalID TEXT NOT NULL,
                    disposedAt TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TRIGGER disposedDocument_stays BEFORE DELETE ON disposedDocument
                BEGIN SELECT RAISE(ABORT, 'a disposal is never undone'); END;
                ALTER TABLE task ADD COLUMN entryID TEXT REFERENCES registerEntry(id);
                -- Dossiers' text for search, under each dossier's rowid, as recordText keeps entries'.
                CREATE VIRTUAL TABLE dossierText USING fts5(exact, folded, tokenize = 'unicode61 remove_diacritics 0');
                """)
    }
}
