import Foundation

/// The storage layer: transactions over the repositories. DocketSQLite implements it with GRDB;
/// the protocol leaves room for another database.
public protocol Storage: Sendable {
    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T: Sendable>(_ body: @Sendable (any StorageReader) throws -> T) async throws -> T
    /// Runs `body` in a write transaction: everything it does commits together or not at all.
    func write<T: Sendable>(_ body: @Sendable (any StorageWriter) throws -> T) async throws -> T
}

/// Filters for listing documents.
public struct DocumentFilter: Sendable, Equatable {
    /// Only documents at or below this classification.
    public var maximumClassification: Classification
    /// Only these classifications, when set.
    public var classification: Classification?
    /// Only documents created by this user, when set.
    public var createdBy: String?
    /// Only documents this user created or was handed (agendas, notices, records), when set.
    public var readableBy: String?
    /// Case-insensitive substring of the title, taken literally, when set.
    public var titleContains: String?

    public init(
        maximumClassification: Classification = .topSecret, classification: Classification? = nil,
        createdBy: String? = nil, readableBy: String? = nil, titleContains: String? = nil
    ) {
        self.maximumClassification = maximumClassification
        self.classification = classification
        self.createdBy = createdBy
        self.readableBy = readableBy
        self.titleContains = titleContains
    }
}

/// Filters for listing audit events.
public struct AuditFilter: Sendable, Equatable {
    public var subject: String?
    public var since: Date?
    public var actor: String?

    public init(subject: String? = nil, since: Date? = nil, actor: String? = nil) {
        self.subject = subject
        self.since = since
        self.actor = actor
    }
}

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

/// A notice as one recipient sees it.
public struct NoticeDelivery: Sendable, Codable, Equatable {
    public var notice: Notice
    public var readAt: Date?

    public init(notice: Notice, readAt: Date?) {
        self.notice = notice
        self.readAt = readAt
    }
}

/// Filters for listing tasks.
public struct TaskFilter: Sendable, Equatable {
    public var planID: String?
    /// Tasks this agency leads or coordinates.
    public var agency: String?
    public var status: TaskStatus?

    public init(planID: String? = nil, agency: String? = nil, status: TaskStatus? = nil) {
        self.planID = planID
        self.agency = agency
        self.status = status
    }
}

/// One task in a report: what rows group it by and how it stood on the report's date.
public struct TaskStandingRow: Sendable {
    public var id: String
    public var planID: String
    public var group: Int?
    public var phase: String?
    public var leadAgency: String
    public var standing: TaskStanding

    public init(id: String, planID: String, group: Int?, phase: String?, leadAgency: String, standing: TaskStanding) {
        self.id = id
        self.planID = planID
        self.group = group
        self.phase = phase
        self.leadAgency = leadAgency
        self.standing = standing
    }
}
