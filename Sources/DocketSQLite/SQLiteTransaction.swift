import DocketCore
import Foundation
import GRDB

/// The repositories over one open GRDB transaction.
struct SQLiteTransaction: StorageWriter {
    let db: Database

    // MARK: users

    func user(id: String) throws -> User? { try User.fetchOne(db, key: id) }

    func user(username: String) throws -> User? {
        try User.filter(Column("username") == username).fetchOne(db)
    }

    func users(page: Page) throws -> Paged<User> {
        let items = try User.order(Column("username")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try User.fetchCount(db), page: page)
    }

    func userCount() throws -> Int { try User.fetchCount(db) }

    func insert(_ user: User) throws {
        do {
            try user.insert(db)
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
        if let text = filter.titleContains, !text.isEmpty {
            request = request.filter(Column("title").like("%\(text)%"))
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

    func body(code: String) throws -> Body? { try Body.filter(Column("code") == code).fetchOne(db) }

    func bodies(page: Page) throws -> Paged<Body> {
        let items = try Body.order(Column("code")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try Body.fetchCount(db), page: page)
    }

    func insert(_ body: Body) throws {
        do {
            try body.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "a body with the code \(body.code) already exists", field: "code")
        }
    }

    func session(id: String) throws -> Session? { try Session.fetchOne(db, key: id) }

    func sessions(bodyID: String?, page: Page) throws -> Paged<Session> {
        var request = Session.all()
        if let bodyID { request = request.filter(Column("bodyID") == bodyID) }
        let items = try request.order(Column("startsAt").desc, Column("id")).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func lastSessionNumber(bodyID: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM session WHERE bodyID = ?", arguments: [bodyID]) ?? 0
    }

    func insert(_ session: Session) throws { try session.insert(db) }

    func update(_ session: Session) throws { try session.update(db) }

    // MARK: audit

    func auditHead() throws -> (sequence: Int64, hash: String)? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT sequence, hash FROM auditEvent ORDER BY sequence DESC LIMIT 1"))
        return row.map { ($0[0], $0[1]) }
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
