import Foundation

/// Writing inside a transaction.
public protocol StorageWriter: StorageReader {
    func insert(_ user: User) throws
    func update(_ user: User) throws
    func insert(_ token: AccessToken) throws
    func insert(_ document: Document) throws
    func insert(_ signature: DocumentSignature) throws
    func insert(_ body: Body) throws
    /// Adds a member to a body's roster; whether they were not on it yet (if they were, nothing changes).
    func insert(_ member: BodyMember) throws -> Bool
    /// Whether the member was on the roster.
    func deleteBodyMember(bodyID: String, userID: String) throws -> Bool
    func insert(_ session: Session) throws
    func update(_ session: Session) throws
    func insert(_ agency: Agency) throws
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
    /// Inserts the notice; a number already taken in its sequence is refused.
    func insert(_ notice: Notice) throws
    func save(_ recipient: NoticeRecipient) throws
    /// Inserts a plan; a symbol already taken is refused.
    func insert(_ plan: Plan) throws
    /// Inserts a task; a code already taken in its plan is refused.
    func insert(_ task: SupervisedTask) throws
    func update(_ task: SupervisedTask) throws
    func append(_ event: TaskEvent) throws
    /// Appends an event; a sequence number already taken is refused.
    func append(_ event: AuditEvent) throws
}
