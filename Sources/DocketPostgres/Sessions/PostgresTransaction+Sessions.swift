import DocketCore
import Foundation

extension PostgresTransaction: SessionRepository {
    func body(id: String) throws -> Body? { try record(Body.self, "SELECT * FROM body WHERE id = $1", [id]) }

    func body(code: String) throws -> Body? {
        try record(Body.self, "SELECT * FROM body WHERE codeKey = $1", [CanonicalName.key(code)])
    }

    func bodies(page: Page) throws -> Paged<Body> {
        try self.page(Body.self, "FROM body", order: "code", [], page: page)
    }

    func bodyMembers(bodyID: String) throws -> [BodyMember] {
        try records(BodyMember.self, "SELECT * FROM bodyMember WHERE bodyID = $1 ORDER BY addedAt, userID", [bodyID])
    }

    func insert(_ member: BodyMember) throws -> Bool {
        let columns = try RowEncoder.columns(of: member)
        return try execute(Self.insertion(columns.map(\.name), into: "bodyMember", "ON CONFLICT DO NOTHING"), columns.map(\.value)) > 0
    }

    func deleteBodyMember(bodyID: String, userID: String) throws -> Bool {
        try execute("DELETE FROM bodyMember WHERE bodyID = $1 AND userID = $2", [bodyID, userID]) > 0
    }

    func insert(_ body: Body) throws {
        var columns = try RowEncoder.columns(of: body)
        columns.append(("codeKey", .text(CanonicalName.key(body.code))))
        try insert(columns: columns, into: "body", refusing: PostgresFailure.unique(DocketError(.conflict, "a body with the code \(body.code) already exists", field: "code")))
    }

    func session(id: String) throws -> Session? { try record(Session.self, "SELECT * FROM session WHERE id = $1", [id]) }

    func sessions(bodyID: String?, participantID: String?, page: Page) throws -> Paged<Session> {
        var matching = Filter()
        matching.add(bodyID) { "bodyID = \($0)" }
        matching.add(participantID) { "state != 'draft' AND id IN (SELECT sessionID FROM participant WHERE userID = \($0))" }
        return try self.page(Session.self, "FROM session \(matching.clause)", order: "startsAt DESC, id", matching.binds, page: page)
    }

    func lastSessionNumber(bodyID: String) throws -> Int {
        try count("SELECT COALESCE((SELECT number FROM session WHERE bodyID = $1 ORDER BY number DESC LIMIT 1), 0)", [bodyID])
    }

    func insert(_ session: Session) throws { try insert(session, into: "session") }

    func update(_ session: Session) throws { try update(session, in: "session", key: "id") }

    func bridgePoints(sessionID: String) throws -> [BridgePoint] {
        try records(BridgePoint.self, "SELECT * FROM bridgePoint WHERE sessionID = $1 ORDER BY name", [sessionID])
    }

    func insert(_ bridgePoint: BridgePoint) throws {
        try insert(bridgePoint, into: "bridgePoint", refusing: PostgresFailure.unique(DocketError(.conflict, "the session already has a bridge point named \(bridgePoint.name)", field: "name")))
    }

    func participants(sessionID: String) throws -> [Participant] {
        try records(Participant.self, "SELECT * FROM participant WHERE sessionID = $1", [sessionID])
    }

    /// A write transaction that reads a second participant of one session (a batch of
    /// check-ins) reads the whole roster once, and remembers each participant by their row.
    func participant(sessionID: String, userID: String) throws -> Participant? {
        let sql = "SELECT * FROM participant WHERE sessionID = $1 AND userID = $2"
        if remembersReads, countParticipantRead(sessionID: sessionID) == 2 {
            for row in try rows("SELECT * FROM participant WHERE sessionID = $1", [sessionID]) {
                guard let user = try row.value("userID", as: String.self) else { continue }
                remember([row], for: sql, [sessionID, user], row: HeldWrite.row([sessionID, user]), of: "participant")
            }
        }
        return try record(Participant.self, sql, [sessionID, userID], row: HeldWrite.row([sessionID, userID]))
    }

    func save(_ participant: Participant) throws { try save(participant, into: "participant", key: ["sessionID", "userID"]) }

    func removeParticipant(sessionID: String, userID: String) throws {
        try write("DELETE FROM participant WHERE sessionID = $1 AND userID = $2", [sessionID, userID])
    }

    func agendaItems(sessionID: String) throws -> [AgendaItem] {
        try records(AgendaItem.self, "SELECT * FROM agendaItem WHERE sessionID = $1", [sessionID])
    }

    func save(_ item: AgendaItem) throws { try save(item, into: "agendaItem", key: ["id"]) }

    func removeAgendaItem(id: String) throws { try write("DELETE FROM agendaItem WHERE id = $1", [id]) }

    func agendaVersions(sessionID: String) throws -> [AgendaVersion] {
        try records(AgendaVersion.self, "SELECT * FROM agendaVersion WHERE sessionID = $1 ORDER BY version", [sessionID])
    }

    func insert(_ version: AgendaVersion) throws { try insert(version, into: "agendaVersion") }

    func conclusions(sessionID: String) throws -> [Conclusion] {
        try records(Conclusion.self, "SELECT * FROM conclusion WHERE sessionID = $1 ORDER BY createdAt, id", [sessionID])
    }

    func save(_ conclusion: Conclusion) throws { try save(conclusion, into: "conclusion", key: ["id"]) }

    func amendments(sessionID: String) throws -> [Amendment] {
        try records(Amendment.self, "SELECT * FROM amendment WHERE sessionID = $1 ORDER BY createdAt, id", [sessionID])
    }

    func insert(_ amendment: Amendment) throws { try insert(amendment, into: "amendment") }
}
