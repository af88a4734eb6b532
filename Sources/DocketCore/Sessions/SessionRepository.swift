import Foundation

/// Reading bodies, sessions, bridge points, participants, agendas, conclusions and amendments
/// inside a transaction.
public protocol SessionReadRepository {
    func body(id: String) throws -> Body?
    func body(code: String) throws -> Body?
    func bodies(page: Page) throws -> Paged<Body>
    /// The body's roster, oldest first.
    func bodyMembers(bodyID: String) throws -> [BodyMember]
    func session(id: String) throws -> Session?
    /// Sessions latest first; only those `participantID` is invited to and no drafts, when set.
    func sessions(bodyID: String?, participantID: String?, page: Page) throws -> Paged<Session>
    func lastSessionNumber(bodyID: String) throws -> Int
    func bridgePoints(sessionID: String) throws -> [BridgePoint]
    func participants(sessionID: String) throws -> [Participant]
    func participant(sessionID: String, userID: String) throws -> Participant?
    func agendaItems(sessionID: String) throws -> [AgendaItem]
    func agendaVersions(sessionID: String) throws -> [AgendaVersion]
    func conclusions(sessionID: String) throws -> [Conclusion]
    func amendments(sessionID: String) throws -> [Amendment]
}

/// Changing bodies, sessions, bridge points, participants, agendas, conclusions and amendments
/// inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol SessionRepository: SessionReadRepository {
    func insert(_ body: Body) throws
    /// Adds a member to a body's roster; whether they were not on it yet (if they were, nothing changes).
    func insert(_ member: BodyMember) throws -> Bool
    /// Whether the member was on the roster.
    func deleteBodyMember(bodyID: String, userID: String) throws -> Bool
    func insert(_ session: Session) throws
    func update(_ session: Session) throws
    func insert(_ bridgePoint: BridgePoint) throws
    /// Inserts or replaces the participant's row.
    func save(_ participant: Participant) throws
    func removeParticipant(sessionID: String, userID: String) throws
    /// Inserts or replaces the item.
    func save(_ item: AgendaItem) throws
    func removeAgendaItem(id: String) throws
    func insert(_ version: AgendaVersion) throws
    /// Inserts or replaces the conclusion.
    func save(_ conclusion: Conclusion) throws
    func insert(_ amendment: Amendment) throws
}
