import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: SessionRepository {
    func body(id: String) throws -> Body? { try Body.fetchOne(db, key: id) }

    func body(code: String) throws -> Body? {
        try Body.filter(Body.Columns.codeKey == CanonicalName.key(code)).fetchOne(db)
    }

    func bodies(page: Page) throws -> Paged<Body> {
        let items = try Body.order(Body.Columns.code).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try Body.fetchCount(db), page: page)
    }

    func bodyMembers(bodyID: String) throws -> [BodyMember] {
        try BodyMember.filter(BodyMember.Columns.bodyID == bodyID).order(BodyMember.Columns.addedAt, BodyMember.Columns.userID).fetchAll(db)
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

    func session(id: String) throws -> Session? {
        try Session.fetchOne(db.cachedStatement(sql: "SELECT * FROM session WHERE id = ?"), arguments: [id])
    }

    func sessions(bodyID: String?, participantID: String?, page: Page) throws -> Paged<Session> {
        var request = Session.all()
        if let bodyID { request = request.filter(Session.Columns.bodyID == bodyID) }
        if let participantID {
            request = request.filter(
                sql: "state != 'draft' AND id IN (SELECT sessionID FROM participant WHERE userID = ?)",
                arguments: [participantID])
        }
        let items = try request.order(Session.Columns.startsAt.desc, Session.Columns.id).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func lastSessionNumber(bodyID: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM session WHERE bodyID = ?", arguments: [bodyID]) ?? 0
    }

    func insert(_ session: Session) throws { try session.insert(db) }

    func update(_ session: Session) throws { try session.update(db) }

    func bridgePoints(sessionID: String) throws -> [BridgePoint] {
        try BridgePoint.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM bridgePoint WHERE sessionID = ? ORDER BY name"), arguments: [sessionID])
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
        try Participant.filter(Participant.Columns.sessionID == sessionID).fetchAll(db)
    }

    func participant(sessionID: String, userID: String) throws -> Participant? {
        try Participant.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM participant WHERE sessionID = ? AND userID = ?"),
            arguments: [sessionID, userID])
    }

    // Check-in's hot path: prepared once per connection instead of generated per call.
    func save(_ participant: Participant) throws {
        try db.cachedStatement(
            sql: """
                UPDATE participant SET role = ?, bridgePointID = ?, status = ?, arrivedAt = ?, leftAt = ?, reason = ?,
                    proxy = ?
                WHERE sessionID = ? AND userID = ?
                """
        ).execute(arguments: [
            participant.role.rawValue, participant.bridgePointID, participant.status.rawValue, participant.arrivedAt,
            participant.leftAt, participant.reason, participant.proxy, participant.sessionID, participant.userID,
        ])
        if db.changesCount == 0 { try participant.insert(db) }
    }

    func removeParticipant(sessionID: String, userID: String) throws {
        _ = try Participant.deleteOne(db, key: ["sessionID": sessionID, "userID": userID])
    }

    func agendaItems(sessionID: String) throws -> [AgendaItem] {
        try AgendaItem.filter(AgendaItem.Columns.sessionID == sessionID).fetchAll(db)
    }

    func save(_ item: AgendaItem) throws { try item.save(db) }

    func removeAgendaItem(id: String) throws { _ = try AgendaItem.deleteOne(db, key: id) }

    func agendaVersions(sessionID: String) throws -> [AgendaVersion] {
        try AgendaVersion.filter(AgendaVersion.Columns.sessionID == sessionID).order(AgendaVersion.Columns.version).fetchAll(db)
    }

    func insert(_ version: AgendaVersion) throws { try version.insert(db) }

    func conclusions(sessionID: String) throws -> [Conclusion] {
        try Conclusion.filter(Conclusion.Columns.sessionID == sessionID).order(Conclusion.Columns.createdAt, Conclusion.Columns.id).fetchAll(db)
    }

    func save(_ conclusion: Conclusion) throws { try conclusion.save(db) }

    func amendments(sessionID: String) throws -> [Amendment] {
        try Amendment.filter(Amendment.Columns.sessionID == sessionID).order(Amendment.Columns.createdAt, Amendment.Columns.id).fetchAll(db)
    }

    func insert(_ amendment: Amendment) throws { try amendment.insert(db) }
}
