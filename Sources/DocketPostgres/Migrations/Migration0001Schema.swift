/// The schema as SQLite's migrations 0001 to 0016 leave it, in PostgreSQL's types: instants are
/// `timestamptz`, calendar dates `YYYY-MM-DD` text, nested values `jsonb`, flags `boolean`. Names are
/// unquoted and fold to lower case. What SQLite's triggers refuse, these triggers refuse.
enum Migration0001Schema {
    static let identifier = "0001-schema"

    static let statements = [
        """
        CREATE TABLE "user" (
            id text PRIMARY KEY, username text NOT NULL, usernameKey text NOT NULL UNIQUE, roles jsonb NOT NULL,
            agency text, clearance text NOT NULL, passwordHash text, disabled boolean NOT NULL DEFAULT false,
            createdAt timestamptz NOT NULL)
        """,
        "CREATE INDEX user_agency ON \"user\" (agency)",
        """
        CREATE TABLE accessToken (
            id text PRIMARY KEY, userID text NOT NULL REFERENCES "user" (id), secretHash text NOT NULL UNIQUE,
            createdAt timestamptz NOT NULL, expiresAt timestamptz, revokedAt timestamptz, revokedBy text)
        """,
        "CREATE INDEX accessToken_userID ON accessToken (userID)",
        "CREATE TABLE authGeneration (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
        "INSERT INTO authGeneration (id, value) VALUES (1, 0)",
        "CREATE TABLE agency (code text PRIMARY KEY, codeKey text NOT NULL UNIQUE, name text NOT NULL, createdAt timestamptz NOT NULL)",
        """
        CREATE TABLE document (
            id text PRIMARY KEY, title text NOT NULL, filename text NOT NULL, mediaType text NOT NULL,
            size bigint NOT NULL CHECK (size >= 0), sha256 text NOT NULL CHECK (length(sha256) = 64),
            classification text NOT NULL, createdBy text NOT NULL REFERENCES "user" (id), createdAt timestamptz NOT NULL)
        """,
        "CREATE INDEX document_sha256 ON document (sha256)",
        "CREATE INDEX document_createdAt ON document (createdAt)",
        """
        CREATE TABLE documentSignature (
            documentID text NOT NULL REFERENCES document (id), number bigint NOT NULL CHECK (number >= 1),
            signerSubject text NOT NULL, signerIssuer text NOT NULL, signerSerial text NOT NULL,
            signedBy text NOT NULL REFERENCES "user" (id), signedAt timestamptz NOT NULL, der bytea NOT NULL,
            PRIMARY KEY (documentID, number))
        """,
        "CREATE TABLE smallBlob (sha256 text PRIMARY KEY, content bytea NOT NULL)",
        """
        CREATE TABLE auditEvent (
            sequence bigint PRIMARY KEY, time timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL,
            subject text NOT NULL, details text NOT NULL, previousHash text NOT NULL, hash text NOT NULL)
        """,
        "CREATE INDEX auditEvent_subject ON auditEvent (subject)",
        "CREATE INDEX auditEvent_time ON auditEvent (time)",
        "CREATE TABLE auditCheckpoint (size bigint PRIMARY KEY, rootHash text NOT NULL, signedAt timestamptz NOT NULL, note text NOT NULL)",
        "CREATE TABLE auditNode (level integer NOT NULL, position bigint NOT NULL, hash bytea NOT NULL, PRIMARY KEY (level, position))",
        """
        CREATE TABLE body (
            id text PRIMARY KEY, name text NOT NULL, code text NOT NULL UNIQUE, codeKey text NOT NULL UNIQUE,
            numbering text NOT NULL CHECK (numbering IN ('party', 'state')), term text NOT NULL,
            quorum text NOT NULL DEFAULT 'majority', createdAt timestamptz NOT NULL)
        """,
        """
        CREATE TABLE bodyMember (
            bodyID text NOT NULL REFERENCES body (id), userID text NOT NULL REFERENCES "user" (id),
            addedAt timestamptz NOT NULL, PRIMARY KEY (bodyID, userID))
        """,
        """
        CREATE TABLE session (
            id text PRIMARY KEY, bodyID text NOT NULL REFERENCES body (id), number bigint NOT NULL CHECK (number >= 1),
            title text NOT NULL, startsAt timestamptz NOT NULL, endsAt timestamptz, location text, state text NOT NULL,
            agendaVersion bigint NOT NULL DEFAULT 0, attendanceRecordID text REFERENCES document (id),
            createdBy text NOT NULL REFERENCES "user" (id), createdAt timestamptz NOT NULL,
            backEntered boolean NOT NULL DEFAULT false, UNIQUE (bodyID, number))
        """,
        "CREATE INDEX session_startsAt ON session (startsAt)",
        """
        CREATE TABLE bridgePoint (
            id text PRIMARY KEY, sessionID text NOT NULL REFERENCES session (id), name text NOT NULL,
            hostAgency text NOT NULL REFERENCES agency (code), UNIQUE (sessionID, name))
        """,
        """
        CREATE TABLE participant (
            sessionID text NOT NULL REFERENCES session (id), userID text NOT NULL REFERENCES "user" (id),
            role text NOT NULL, bridgePointID text REFERENCES bridgePoint (id), status text NOT NULL,
            arrivedAt timestamptz, leftAt timestamptz, reason text, proxy text, PRIMARY KEY (sessionID, userID))
        """,
        "CREATE INDEX participant_user ON participant (userID)",
        """
        CREATE TABLE agendaItem (
            id text PRIMARY KEY, sessionID text NOT NULL REFERENCES session (id), parentID text REFERENCES agendaItem (id),
            position bigint NOT NULL CHECK (position >= 1), title text NOT NULL, presenter text, plannedMinutes bigint,
            status text NOT NULL, documentIDs jsonb NOT NULL)
        """,
        "CREATE INDEX agendaItem_session ON agendaItem (sessionID)",
        """
        CREATE TABLE agendaVersion (
            sessionID text NOT NULL REFERENCES session (id), version bigint NOT NULL, items jsonb NOT NULL,
            change text NOT NULL, createdBy text NOT NULL, createdAt timestamptz NOT NULL, PRIMARY KEY (sessionID, version))
        """,
        """
        CREATE TABLE conclusion (
            id text PRIMARY KEY, sessionID text NOT NULL REFERENCES session (id), agendaItemID text REFERENCES agendaItem (id),
            text text NOT NULL, tasks jsonb NOT NULL, createdBy text NOT NULL, createdAt timestamptz NOT NULL)
        """,
        "CREATE INDEX conclusion_session ON conclusion (sessionID)",
        """
        CREATE TABLE amendment (
            id text PRIMARY KEY, sessionID text NOT NULL REFERENCES session (id), subject text NOT NULL, reason text NOT NULL,
            before text NOT NULL, after text NOT NULL, createdBy text NOT NULL, createdAt timestamptz NOT NULL)
        """,
        "CREATE INDEX amendment_session ON amendment (sessionID)",
        """
        CREATE TABLE notice (
            id text PRIMARY KEY, bodyID text NOT NULL REFERENCES body (id), sessionID text REFERENCES session (id),
            kind text NOT NULL, type text NOT NULL, number bigint NOT NULL CHECK (number >= 1), period text NOT NULL,
            year bigint NOT NULL, symbol text NOT NULL, title text NOT NULL, documentID text NOT NULL REFERENCES document (id),
            agencies jsonb NOT NULL, issuedBy text NOT NULL, issuedAt timestamptz NOT NULL,
            backEntered boolean NOT NULL DEFAULT false, UNIQUE (bodyID, type, period, number))
        """,
        "CREATE INDEX notice_session ON notice (sessionID)",
        "CREATE INDEX notice_document ON notice (documentID)",
        """
        CREATE TABLE noticeRecipient (
            noticeID text NOT NULL REFERENCES notice (id), userID text NOT NULL REFERENCES "user" (id), readAt timestamptz,
            PRIMARY KEY (noticeID, userID))
        """,
        "CREATE INDEX noticeRecipient_user ON noticeRecipient (userID)",
        """
        CREATE TABLE plan (
            id text PRIMARY KEY, symbol text NOT NULL UNIQUE, symbolKey text NOT NULL UNIQUE, title text NOT NULL,
            implements text, groups jsonb NOT NULL, phases jsonb NOT NULL, sessionID text REFERENCES session (id),
            createdBy text NOT NULL, createdAt timestamptz NOT NULL)
        """,
        """
        CREATE TABLE register (
            id text PRIMARY KEY, code text NOT NULL, codeKey text NOT NULL UNIQUE, name text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('incoming', 'outgoing')), issuer text NOT NULL, issuerKey text NOT NULL,
            period text NOT NULL CHECK (period IN ('year', 'term')), term text, seriesPerType boolean NOT NULL,
            secretSeries boolean NOT NULL, createdBy text NOT NULL, createdAt timestamptz NOT NULL)
        """,
        "CREATE UNIQUE INDEX register_outgoing_issuer ON register (issuerKey) WHERE kind = 'outgoing'",
        """
        CREATE TABLE registerSeriesStart (
            registerID text NOT NULL REFERENCES register (id), series text NOT NULL, nextNumber bigint NOT NULL CHECK (nextNumber >= 2),
            reason text NOT NULL, startedBy text NOT NULL REFERENCES "user" (id), startedAt timestamptz NOT NULL,
            PRIMARY KEY (registerID, series))
        """,
        """
        CREATE TABLE registerEntry (
            id text PRIMARY KEY, registerID text NOT NULL REFERENCES register (id), kind text NOT NULL, series text NOT NULL,
            number bigint NOT NULL CHECK (number >= 1), year bigint NOT NULL, symbol text NOT NULL, type text NOT NULL,
            summary text NOT NULL, documentDate text, classification text NOT NULL, urgency text NOT NULL, pages bigint,
            documentID text REFERENCES document (id), note text, registeredBy text NOT NULL, registeredAt timestamptz NOT NULL,
            signer text, recipients jsonb NOT NULL, keptBy text, copies bigint, answersID text REFERENCES registerEntry (id),
            noticeID text REFERENCES notice (id), sender text, senderSymbol text, senderKey text, arrivedAt timestamptz,
            deadline text, state text, handlerID text REFERENCES "user" (id), coordinatingIDs jsonb NOT NULL,
            duplicateOf text REFERENCES registerEntry (id), signatureCheck text, withdrawnAt timestamptz, withdrawnBy text,
            withdrawReason text, backEntered boolean NOT NULL DEFAULT false, UNIQUE (registerID, series, number))
        """,
        "CREATE INDEX registerEntry_year ON registerEntry (registerID, year)",
        "CREATE INDEX registerEntry_sender ON registerEntry (senderKey) WHERE senderKey IS NOT NULL",
        "CREATE INDEX registerEntry_document ON registerEntry (documentID)",
        "CREATE INDEX registerEntry_open ON registerEntry (deadline) WHERE state IS NOT NULL",
        "CREATE INDEX registerEntry_registeredAt ON registerEntry (registeredAt)",
        """
        CREATE TABLE task (
            id text PRIMARY KEY, planID text NOT NULL REFERENCES plan (id), code text NOT NULL, title text NOT NULL,
            description text NOT NULL, sourceSymbol text, conclusionID text REFERENCES conclusion (id), conclusionTask bigint,
            "group" bigint, phase text, leadAgency text NOT NULL REFERENCES agency (code), coordinatingAgencies jsonb NOT NULL,
            assigneeID text REFERENCES "user" (id), assignedOn text NOT NULL, originalDeadline text NOT NULL, deadline text NOT NULL,
            key boolean NOT NULL, status text NOT NULL, completedOn text, evidence jsonb NOT NULL, cancelReason text,
            percent bigint NOT NULL CHECK (percent BETWEEN 0 AND 100), createdBy text NOT NULL, createdAt timestamptz NOT NULL,
            entryID text REFERENCES registerEntry (id), UNIQUE (planID, code), UNIQUE (conclusionID, conclusionTask))
        """,
        "CREATE INDEX task_lead ON task (leadAgency)",
        """
        CREATE TABLE taskEvent (
            taskID text NOT NULL REFERENCES task (id), sequence bigint NOT NULL, kind text NOT NULL, effectiveOn text NOT NULL,
            status text, deadline text, percent bigint, text text, approvedBy text, documents jsonb NOT NULL,
            recordedBy text NOT NULL, recordedAt timestamptz NOT NULL, PRIMARY KEY (taskID, sequence))
        """,
        "CREATE INDEX taskEvent_asOf ON taskEvent (taskID, kind, effectiveOn, sequence) INCLUDE (status, deadline)",
        """
        CREATE TABLE processingStep (
            entryID text NOT NULL REFERENCES registerEntry (id), sequence bigint NOT NULL, kind text NOT NULL,
            actorID text NOT NULL, at timestamptz NOT NULL, text text, handlerID text REFERENCES "user" (id),
            coordinatingIDs jsonb NOT NULL, deadline text, answerID text REFERENCES registerEntry (id),
            taskID text REFERENCES task (id), PRIMARY KEY (entryID, sequence))
        """,
        """
        CREATE TABLE processingHandler (
            entryID text NOT NULL REFERENCES registerEntry (id), userID text NOT NULL REFERENCES "user" (id),
            current boolean NOT NULL, PRIMARY KEY (userID, entryID))
        """,
        "CREATE INDEX processingHandler_entry ON processingHandler (entryID)",
        """
        CREATE TABLE filingPlan (
            id text PRIMARY KEY, unit text NOT NULL, year bigint NOT NULL, version bigint NOT NULL CHECK (version >= 1),
            state text NOT NULL CHECK (state IN ('draft', 'approved')), headings jsonb NOT NULL, createdBy text NOT NULL,
            createdAt timestamptz NOT NULL, approvedBy text, approvedAt timestamptz, UNIQUE (unit, year, version))
        """,
        """
        CREATE TABLE dossier (
            id text PRIMARY KEY, code text NOT NULL UNIQUE, planID text NOT NULL REFERENCES filingPlan (id),
            headingCode text NOT NULL, number bigint NOT NULL CHECK (number >= 1), title text NOT NULL, unit text NOT NULL,
            clerkID text NOT NULL REFERENCES "user" (id), openedOn text NOT NULL, closedOn text, retentionYears bigint,
            retentionReason text, accessLevel text NOT NULL, language text NOT NULL,
            state text NOT NULL CHECK (state IN ('open', 'closed', 'transferred', 'disposed')), createdBy text NOT NULL,
            createdAt timestamptz NOT NULL)
        """,
        """
        CREATE TABLE dossierItem (
            dossierID text NOT NULL REFERENCES dossier (id), position bigint NOT NULL CHECK (position >= 1),
            documentID text NOT NULL REFERENCES document (id), entryID text REFERENCES registerEntry (id), note text,
            addedBy text NOT NULL, addedAt timestamptz NOT NULL, PRIMARY KEY (dossierID, position), UNIQUE (dossierID, documentID))
        """,
        "CREATE INDEX dossierItem_document ON dossierItem (documentID)",
        """
        CREATE TABLE hold (
            id text PRIMARY KEY, reason text NOT NULL, dossierIDs jsonb NOT NULL, placedBy text NOT NULL,
            placedAt timestamptz NOT NULL, releasedBy text, releasedAt timestamptz, releaseReason text)
        """,
        """
        CREATE TABLE holdDossier (
            holdID text NOT NULL REFERENCES hold (id), dossierID text NOT NULL REFERENCES dossier (id),
            PRIMARY KEY (dossierID, holdID))
        """,
        """
        CREATE TABLE disposedDocument (
            documentID text PRIMARY KEY REFERENCES document (id), disposalID text NOT NULL, disposedAt timestamptz NOT NULL)
        """,
        // What is never changed or removed, as on SQLite.
        """
        CREATE FUNCTION docket_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$
        """,
        "CREATE TRIGGER auditEvent_no_update BEFORE UPDATE ON auditEvent EXECUTE FUNCTION docket_refuse('audit events are append-only')",
        "CREATE TRIGGER auditEvent_no_delete BEFORE DELETE ON auditEvent EXECUTE FUNCTION docket_refuse('audit events are append-only')",
        "CREATE TRIGGER notice_no_update BEFORE UPDATE ON notice EXECUTE FUNCTION docket_refuse('notices are never changed')",
        "CREATE TRIGGER notice_no_delete BEFORE DELETE ON notice EXECUTE FUNCTION docket_refuse('notices are never removed')",
        "CREATE TRIGGER taskEvent_no_update BEFORE UPDATE ON taskEvent EXECUTE FUNCTION docket_refuse('task history is never changed')",
        "CREATE TRIGGER taskEvent_no_delete BEFORE DELETE ON taskEvent EXECUTE FUNCTION docket_refuse('task history is never removed')",
        """
        CREATE TRIGGER registerEntry_no_renumber BEFORE UPDATE OF registerID, series, number, symbol ON registerEntry
        FOR EACH ROW WHEN (OLD.registerID IS DISTINCT FROM NEW.registerID OR OLD.series IS DISTINCT FROM NEW.series
            OR OLD.number IS DISTINCT FROM NEW.number OR OLD.symbol IS DISTINCT FROM NEW.symbol)
        EXECUTE FUNCTION docket_refuse('a register number is never changed')
        """,
        """
        CREATE TRIGGER registerEntry_no_delete BEFORE DELETE ON registerEntry
        EXECUTE FUNCTION docket_refuse('register entries are never removed; withdraw them')
        """,
        """
        CREATE TRIGGER processingStep_no_update BEFORE UPDATE ON processingStep
        EXECUTE FUNCTION docket_refuse('processing history is never changed')
        """,
        """
        CREATE TRIGGER processingStep_no_delete BEFORE DELETE ON processingStep
        EXECUTE FUNCTION docket_refuse('processing history is never removed')
        """,
        """
        CREATE TRIGGER filingPlan_approved_stays BEFORE UPDATE ON filingPlan FOR EACH ROW WHEN (OLD.state = 'approved')
        EXECUTE FUNCTION docket_refuse('an approved filing plan is never changed; make a new version')
        """,
        """
        CREATE TRIGGER dossier_no_delete BEFORE DELETE ON dossier
        EXECUTE FUNCTION docket_refuse('dossiers are never removed; a disposal keeps them as stubs')
        """,
        "CREATE TRIGGER dossierItem_no_change BEFORE UPDATE OR DELETE ON dossierItem EXECUTE FUNCTION docket_refuse('a dossier keeps its documents as filed')",
        "CREATE TRIGGER disposedDocument_stays BEFORE DELETE ON disposedDocument EXECUTE FUNCTION docket_refuse('a disposal is never undone')",
        """
        CREATE TRIGGER accessToken_revocation_stays BEFORE UPDATE OF revokedAt ON accessToken
        FOR EACH ROW WHEN (OLD.revokedAt IS NOT NULL AND NEW.revokedAt IS DISTINCT FROM OLD.revokedAt)
        EXECUTE FUNCTION docket_refuse('a revoked token is never restored')
        """,
        """
        CREATE TRIGGER registerSeriesStart_appendOnly BEFORE UPDATE OR DELETE ON registerSeriesStart
        EXECUTE FUNCTION docket_refuse('a series start is never changed or deleted')
        """,
        // Every change to a user or a token raises the counter other processes watch.
        """
        CREATE FUNCTION docket_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE authGeneration SET value = value + 1; RETURN NULL; END $$
        """,
        "CREATE TRIGGER user_changes_auth AFTER UPDATE OR DELETE ON \"user\" EXECUTE FUNCTION docket_auth_changed()",
        "CREATE TRIGGER accessToken_changes_auth AFTER UPDATE OR DELETE ON accessToken EXECUTE FUNCTION docket_auth_changed()",
    ]
}
