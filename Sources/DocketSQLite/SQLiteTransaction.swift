import DocketCore
import Foundation
import GRDB

/// The repositories over one open GRDB transaction.
struct SQLiteTransaction: StorageWriter {
    let db: Database

    // MARK: users

    func user(id: String) throws -> User? { try User.fetchOne(db, key: id) }

    func user(username: String) throws -> User? {
        try User.filter(sql: "usernameKey = ?", arguments: [CanonicalName.key(username)]).fetchOne(db)
    }

    func users(page: Page) throws -> Paged<User> {
        let items = try User.order(Column("username")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try User.fetchCount(db), page: page)
    }

    func userCount() throws -> Int { try User.fetchCount(db) }

    func insert(_ user: User) throws {
        do {
            try user.insert(db)
            try CanonicalKeys.setKey(CanonicalKeys.user, of: user.username, in: db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "a user named \(user.username) already exists", field: "username")
        }
    }

    func update(_ user: User) throws { try user.update(db) }

    // MARK: tokens

    func token(secretHash: String) throws -> AccessToken? {
        try AccessToken.filter(Column("secretHash") == secretHash).fetchOne(db)
    }

    func tokens(userID: String) throws -> [AccessToken] {
        try AccessToken.filter(Column("userID") == userID).order(Column("createdAt")).fetchAll(db)
    }

    func insert(_ token: AccessToken) throws { try token.insert(db) }

    // MARK: documents

    func document(id: String) throws -> Document? { try Document.fetchOne(db, key: id) }

    func documents(filter: DocumentFilter, page: Page) throws -> Paged<Document> {
        let allowed = Classification.allCases.filter { $0 <= filter.maximumClassification }.map(\.rawValue)
        var request = Document.filter(allowed.contains(Column("classification")))
        if let classification = filter.classification {
            request = request.filter(Column("classification") == classification.rawValue)
        }
        if let createdBy = filter.createdBy { request = request.filter(Column("createdBy") == createdBy) }
        if let reader = filter.readableBy {
            request = request.filter(
                sql: "(document.createdBy = ? OR \(Self.sharedDocument(id: "document.id")))",
                arguments: [reader, reader, reader, reader])
        }
        if let text = filter.titleContains, !text.isEmpty {
            // The words are matched literally: % and _ are not wildcards.
            let literal = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            request = request.filter(Column("title").like("%\(literal)%", escape: "\\"))
        }
        let items = try request.order(Column("createdAt").desc, Column("id"))
            .limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func documents(after afterID: String, limit: Int) throws -> [Document] {
        try Document.filter(Column("id") > afterID).order(Column("id")).limit(limit).fetchAll(db)
    }

    func documentCount(sha256: String) throws -> Int {
        try Document.filter(Column("sha256") == sha256).fetchCount(db)
    }

    func insert(_ document: Document) throws { try document.insert(db) }

    // MARK: signatures

    func signatures(documentID: String) throws -> [DocumentSignature] {
        try DocumentSignature.filter(Column("documentID") == documentID).order(Column("number")).fetchAll(db)
    }

    func insert(_ signature: DocumentSignature) throws { try signature.insert(db) }

    // MARK: bodies and sessions

    func body(id: String) throws -> Body? { try Body.fetchOne(db, key: id) }

    func body(code: String) throws -> Body? {
        try Body.filter(sql: "codeKey = ?", arguments: [CanonicalName.key(code)]).fetchOne(db)
    }

    func bodies(page: Page) throws -> Paged<Body> {
        let items = try Body.order(Column("code")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try Body.fetchCount(db), page: page)
    }

    func bodyMembers(bodyID: String) throws -> [BodyMember] {
        try BodyMember.filter(Column("bodyID") == bodyID).order(Column("addedAt"), Column("userID")).fetchAll(db)
    }

    func insert(_ member: BodyMember) throws -> Bool {
        try member.insert(db, onConflict: .ignore)
        return db.changesCount > 0
    }

    func deleteBodyMember(bodyID: String, userID: String) throws -> Bool {
        try BodyMember.deleteOne(db, key: ["bodyID": bodyID, "userID": userID])
    }

    func insert(_ body: Body) throws {
        do {
            try body.insert(db)
            try CanonicalKeys.setKey(CanonicalKeys.body, of: body.code, in: db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "a body with the code \(body.code) already exists", field: "code")
        }
    }

    func session(id: String) throws -> Session? { try Session.fetchOne(db, key: id) }

    func sessions(bodyID: String?, participantID: String?, page: Page) throws -> Paged<Session> {
        var request = Session.all()
        if let bodyID { request = request.filter(Column("bodyID") == bodyID) }
        if let participantID {
            request = request.filter(
                sql: "state != 'draft' AND id IN (SELECT sessionID FROM participant WHERE userID = ?)",
                arguments: [participantID])
        }
        let items = try request.order(Column("startsAt").desc, Column("id")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func lastSessionNumber(bodyID: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM session WHERE bodyID = ?", arguments: [bodyID]) ?? 0
    }

    func insert(_ session: Session) throws { try session.insert(db) }

    func update(_ session: Session) throws { try session.update(db) }

    // MARK: agencies, bridge points, participants

    func agency(code: String) throws -> Agency? {
        try Agency.filter(sql: "codeKey = ?", arguments: [CanonicalName.key(code)]).fetchOne(db)
    }

    func agencies() throws -> [Agency] { try Agency.order(Column("code")).fetchAll(db) }

    func users(agency: String) throws -> [User] {
        try User.filter(Column("agency") == agency && Column("disabled") == false).order(Column("username")).fetchAll(db)
    }

    func insert(_ agency: Agency) throws {
        do {
            try agency.insert(db)
            try CanonicalKeys.setKey(CanonicalKeys.agency, of: agency.code, in: db)
        } catch let error as DatabaseError
            where [.SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE].contains(error.extendedResultCode)
        {
            throw DocketError(.conflict, "an agency with the code \(agency.code) already exists", field: "code")
        }
    }

    func bridgePoints(sessionID: String) throws -> [BridgePoint] {
        try BridgePoint.filter(Column("sessionID") == sessionID).order(Column("name")).fetchAll(db)
    }

    func insert(_ bridgePoint: BridgePoint) throws {
        do {
            try bridgePoint.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(
                .conflict, "the session already has a bridge point named \(bridgePoint.name)", field: "name")
        }
    }

    func participants(sessionID: String) throws -> [Participant] {
        try Participant.filter(Column("sessionID") == sessionID).fetchAll(db)
    }

    func participant(sessionID: String, userID: String) throws -> Participant? {
        try Participant.fetchOne(db, key: ["sessionID": sessionID, "userID": userID])
    }

    func save(_ participant: Participant) throws { try participant.save(db) }

    func removeParticipant(sessionID: String, userID: String) throws {
        _ = try Participant.deleteOne(db, key: ["sessionID": sessionID, "userID": userID])
    }

    // MARK: agenda, conclusions, amendments

    func agendaItems(sessionID: String) throws -> [AgendaItem] {
        try AgendaItem.filter(Column("sessionID") == sessionID).fetchAll(db)
    }

    func save(_ item: AgendaItem) throws { try item.save(db) }

    func removeAgendaItem(id: String) throws { _ = try AgendaItem.deleteOne(db, key: id) }

    func agendaVersions(sessionID: String) throws -> [AgendaVersion] {
        try AgendaVersion.filter(Column("sessionID") == sessionID).order(Column("version")).fetchAll(db)
    }

    func insert(_ version: AgendaVersion) throws { try version.insert(db) }

    func conclusions(sessionID: String) throws -> [Conclusion] {
        try Conclusion.filter(Column("sessionID") == sessionID).order(Column("createdAt"), Column("id")).fetchAll(db)
    }

    func save(_ conclusion: Conclusion) throws { try conclusion.save(db) }

    func amendments(sessionID: String) throws -> [Amendment] {
        try Amendment.filter(Column("sessionID") == sessionID).order(Column("createdAt"), Column("id")).fetchAll(db)
    }

    func insert(_ amendment: Amendment) throws { try amendment.insert(db) }

    func documentIsShared(documentID: String, withUser userID: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT " + Self.sharedDocument(id: "?")),
            arguments: [documentID, userID, documentID, userID, documentID, userID]) ?? false
    }

    /// SQL that holds when the document `id` was handed to the user bound after it (three times,
    /// each after `id`): it is on the agenda of a session they are invited to (past its draft),
    /// a notice to them, or their session's record.
    static func sharedDocument(id: String) -> String {
        """
        (EXISTS (
            SELECT 1 FROM agendaItem, json_each(agendaItem.documentIDs) AS attached
            JOIN participant ON participant.sessionID = agendaItem.sessionID
            JOIN session ON session.id = agendaItem.sessionID
            WHERE attached.value = \(id) AND participant.userID = ? AND session.state != 'draft'
        ) OR EXISTS (
            SELECT 1 FROM notice JOIN noticeRecipient ON noticeRecipient.noticeID = notice.id
            WHERE notice.documentID = \(id) AND noticeRecipient.userID = ?
        ) OR EXISTS (
            SELECT 1 FROM session JOIN participant ON participant.sessionID = session.id
            WHERE session.attendanceRecordID = \(id) AND participant.userID = ?
        ))
        """
    }

    // MARK: notices

    func notice(id: String) throws -> Notice? { try Notice.fetchOne(db, key: id) }

    func notices(bodyID: String, year: Int?, page: Page) throws -> Paged<Notice> {
        var request = Notice.filter(Column("bodyID") == bodyID)
        if let year { request = request.filter(Column("year") == year) }
        let items = try request.order(Column("issuedAt"), Column("type"), Column("number"))
            .limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func notices(sessionID: String) throws -> [Notice] {
        try Notice.filter(Column("sessionID") == sessionID).order(Column("issuedAt"), Column("id")).fetchAll(db)
    }

    func notices(recipient userID: String, page: Page) throws -> Paged<NoticeDelivery> {
        let total = try NoticeRecipient.filter(Column("userID") == userID).fetchCount(db)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT notice.*, noticeRecipient.readAt AS receiptReadAt FROM noticeRecipient
                JOIN notice ON notice.id = noticeRecipient.noticeID
                WHERE noticeRecipient.userID = ? ORDER BY notice.issuedAt DESC, notice.id LIMIT ? OFFSET ?
                """,
            arguments: [userID, page.limit, page.offset])
        let items = try rows.map { NoticeDelivery(notice: try Notice(row: $0), readAt: try $0.decode(forColumn: "receiptReadAt")) }
        return Paged(items: items, total: total, page: page)
    }

    func recipients(noticeID: String) throws -> [NoticeRecipient] {
        try NoticeRecipient.filter(Column("noticeID") == noticeID).fetchAll(db)
    }

    func recipient(noticeID: String, userID: String) throws -> NoticeRecipient? {
        try NoticeRecipient.fetchOne(db, key: ["noticeID": noticeID, "userID": userID])
    }

    func lastNoticeNumber(bodyID: String, type: String, period: String) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT MAX(number) FROM notice WHERE bodyID = ? AND type = ? AND period = ?",
            arguments: [bodyID, type, period]) ?? 0
    }

    func insert(_ notice: Notice) throws {
        do {
            try notice.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "the number \(notice.symbol) is already taken", field: "number")
        }
    }

    func save(_ recipient: NoticeRecipient) throws { try recipient.save(db) }

    // MARK: audit

    func auditHead() throws -> (sequence: Int64, hash: String)? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT sequence, hash FROM auditEvent ORDER BY sequence DESC LIMIT 1"))
        return try row.map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
    }

    func auditEvents(filter: AuditFilter, page: Page) throws -> Paged<AuditEvent> {
        var request = AuditEvent.all()
        if let subject = filter.subject { request = request.filter(Column("subject") == subject) }
        if let actor = filter.actor { request = request.filter(Column("actor") == actor) }
        if let since = filter.since { request = request.filter(Column("time") >= since) }
        let items = try request.order(Column("sequence")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    // Verification and appends run once per event, so these two use cached raw statements.

    func auditEvents(after sequence: Int64, limit: Int) throws -> [AuditEvent] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT sequence, time, actor, action, subject, details, previousHash, hash
                FROM auditEvent WHERE sequence > ? ORDER BY sequence LIMIT ?
                """)
        return try AuditEvent.fetchAll(statement, arguments: [sequence, limit])
    }

    func append(_ event: AuditEvent) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO auditEvent (sequence, time, actor, action, subject, details, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            event.sequence, event.time, event.actor, event.action, event.subject, event.details, event.previousHash,
            event.hash,
        ])
    }
}
