import Foundation

/// Reading inside a transaction.
public protocol StorageReader {
    func user(id: String) throws -> User?
    func user(username: String) throws -> User?
    func users(page: Page) throws -> Paged<User>
    func userCount() throws -> Int

    func token(secretHash: String) throws -> AccessToken?
    func tokens(userID: String) throws -> [AccessToken]

    func document(id: String) throws -> Document?
    func documents(filter: DocumentFilter, page: Page) throws -> Paged<Document>
    /// Documents in id order after `afterID`, for scans such as `store check`.
    func documents(after afterID: String, limit: Int) throws -> [Document]
    func documentCount(sha256: String) throws -> Int

    func signatures(documentID: String) throws -> [DocumentSignature]

    func body(id: String) throws -> Body?
    func body(code: String) throws -> Body?
    func bodies(page: Page) throws -> Paged<Body>
    /// The body's roster, oldest first.
    func bodyMembers(bodyID: String) throws -> [BodyMember]

    func session(id: String) throws -> Session?
    /// Sessions latest first; only those `participantID` is invited to and no drafts, when set.
    func sessions(bodyID: String?, participantID: String?, page: Page) throws -> Paged<Session>
    func lastSessionNumber(bodyID: String) throws -> Int

    func agency(code: String) throws -> Agency?
    func agencies() throws -> [Agency]
    /// Enabled users of an agency, for delivering notices to it.
    func users(agency: String) throws -> [User]

    func bridgePoints(sessionID: String) throws -> [BridgePoint]
    func participants(sessionID: String) throws -> [Participant]
    func participant(sessionID: String, userID: String) throws -> Participant?

    func agendaItems(sessionID: String) throws -> [AgendaItem]
    func agendaVersions(sessionID: String) throws -> [AgendaVersion]
    func conclusions(sessionID: String) throws -> [Conclusion]
    func amendments(sessionID: String) throws -> [Amendment]

    /// Whether `userID` may read the document because it was handed to them: it is on the agenda
    /// of a session they are invited to (past its draft), or a notice or record addressed to them.
    func documentIsShared(documentID: String, withUser userID: String) throws -> Bool

    func notice(id: String) throws -> Notice?
    /// A body's register, in number order; `year` filters by the year of issue.
    func notices(bodyID: String, year: Int?, page: Page) throws -> Paged<Notice>
    func notices(sessionID: String) throws -> [Notice]
    /// The notices delivered to a user, latest first, with their receipt.
    func notices(recipient userID: String, page: Page) throws -> Paged<NoticeDelivery>
    func recipients(noticeID: String) throws -> [NoticeRecipient]
    func recipient(noticeID: String, userID: String) throws -> NoticeRecipient?
    func lastNoticeNumber(bodyID: String, type: String, period: String) throws -> Int

    func plan(id: String) throws -> Plan?
    func plan(symbol: String) throws -> Plan?
    func plans(page: Page) throws -> Paged<Plan>

    func task(id: String) throws -> SupervisedTask?
    func task(planID: String, code: String) throws -> SupervisedTask?
    func tasks(filter: TaskFilter, page: Page) throws -> Paged<SupervisedTask>
    func tasks(ids: [String]) throws -> [SupervisedTask]
    /// The tasks already taken over from a conclusion.
    func tasks(conclusionID: String) throws -> [SupervisedTask]
    func taskEvents(taskID: String) throws -> [TaskEvent]
    /// Every task assigned on or before `date` (of one plan, when set) as it stood on that date,
    /// computed from the history in one pass.
    func forEachTaskStanding(
        planID: String?, asOf date: CalendarDate, basis: DeadlineBasis, _ body: (TaskStandingRow) throws -> Void) throws

    /// The sequence and hash of the last event, which the next one links to.
    func auditHead() throws -> (sequence: Int64, hash: String)?
    func auditEvents(filter: AuditFilter, page: Page) throws -> Paged<AuditEvent>
    /// Events in sequence order after `sequence`, for verification in batches.
    func auditEvents(after sequence: Int64, limit: Int) throws -> [AuditEvent]
}
