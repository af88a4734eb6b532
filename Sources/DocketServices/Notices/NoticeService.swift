import DocketCore
import Foundation

/// Numbered notices: issuing, the register, inboxes and read receipts.
public struct NoticeService: Sendable {
    let storage: any Storage
    let audit: AuditLog
    let records: SignedRecords
    let auditLog: AuditService

    /// Issues a notice for a session (admin, clerk) to users and whole agencies; with neither,
    /// to every participant. A conclusion notice needs the session's conclusions, and the tasks
    /// they assign become supervised tasks in a plan named by the notice's symbol, assigned on
    /// the notice's date. A notice issued on paper before Docket is entered `backEntered`: with
    /// its number and date, for a session in any state but draft, and delivered to no one.
    /// The session states a notice of `kind` is issued in. A back-entered notice records what
    /// happened on paper: any state but draft.
    static func sessionStates(for kind: NoticeKind, backEntered: Bool = false) -> Set<SessionState> {
        backEntered ? [.scheduled, .open, .closed, .archived] : kind == .conclusion ? [.open, .closed] : [.scheduled, .open]
    }

    /// Whether `actor` may issue the session's conclusion notice now, by the rules `issue` applies.
    public static func mayIssueConclusion(_ session: Session, conclusions: Int, by actor: User) -> Bool {
        actor.hasAny(Permission.manageSessions.roles) && sessionStates(for: .conclusion).contains(session.state) && conclusions > 0
    }

    public func issue(
        _ kind: NoticeKind, session sessionID: String, users: [String] = [], agencies: [String] = [], note: String? = nil,
        backEntered: BackEntry? = nil, as actor: User
    ) async throws -> Notice {
        try actor.require(.manageSessions)
        if let backEntered {
            guard users.isEmpty && agencies.isEmpty else {
                throw DocketError.invalid("to", "a back-entered notice was delivered on paper; Docket delivers it to no one, so name no recipients")
            }
            guard backEntered.date <= records.configuration.today() else {
                throw DocketError.invalid("date", "a back-entered notice was issued before today; \(backEntered.date) is in the future")
            }
        }
        return try await storage.write { writer in
            guard let session = try writer.session(id: sessionID) else { throw DocketError.notFound("session", sessionID) }
            let allowedStates = Self.sessionStates(for: kind, backEntered: backEntered != nil)
            switch kind {
            case .reminder:
                throw DocketError.invalid("kind", "reminders are issued for tasks, with `docket task remind`")
            case _ where !allowedStates.contains(session.state):
                let states = SessionState.allCases.filter(allowedStates.contains).map(\.rawValue).joined(separator: ", ")
                throw DocketError(
                    .conflict, "a \(kind.rawValue) notice is issued for a session that is \(states); \(sessionID) is \(session.state.rawValue)",
                    field: "state")
            case .conclusion:
                guard !(try writer.conclusions(sessionID: sessionID)).isEmpty else {
                    throw DocketError(.conflict, "session \(sessionID) has no conclusions to notify; record them first", field: "kind")
                }
            case .invitation, .agendaChange:
                break
            }
            var note = note?.nilIfEmpty
            var userIDs: [String] = []
            var agencyCodes: [String] = []
            if backEntered == nil {
                if kind == .agendaChange {
                    let changes = try Self.agendaChanges(notNotifiedIn: session, in: writer)
                    note = (changes.map { "Phiên bản \($0.version): \($0.change)" } + [note].compactMap { $0 }).joined(separator: "\n")
                }
                userIDs = try users.map { try SessionService.user($0, in: writer).id }
                agencyCodes = try agencies.map { try AgencyService.agency($0, field: "agency", in: writer).code }
                if userIDs.isEmpty && agencyCodes.isEmpty { userIDs = try writer.participants(sessionID: sessionID).map(\.userID) }
                guard !userIDs.isEmpty || !agencyCodes.isEmpty else {
                    throw DocketError.invalid("to", "the notice has no recipients: name users or agencies, or invite participants")
                }
            }
            let notice = try NoticeWriter(audit: audit, records: records).issue(
                kind, for: session, to: userIDs, agencies: agencyCodes, note: note, as: actor, backEntered: backEntered, in: writer)
            if kind == .conclusion {
                try TaskService(storage: storage, audit: audit, records: records)
                    .takeOver(conclusionsOf: session, notice: notice, as: actor, in: writer)
            }
            return notice
        }
    }

    /// The agenda versions no invitation or agenda-change notice has announced yet; refused when
    /// there are none, as the notice would have nothing to say.
    static func agendaChanges(notNotifiedIn session: Session, in reader: any StorageReader) throws -> [AgendaVersion] {
        var announced = 0
        var lastSymbol = ""
        for notice in try reader.notices(sessionID: session.id) where notice.kind == .invitation || notice.kind == .agendaChange {
            let event = try reader.lastAuditEvent(subject: notice.id, actions: [AuditAction.noticeIssue.rawValue])
            let details = event.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.details.utf8)) }
            // Notices issued before versions were recorded with them announced the agenda as it then stood.
            let version = details?["agendaVersion"].flatMap(Int.init) ?? (notice.kind == .invitation ? 1 : session.agendaVersion)
            if version >= announced { (announced, lastSymbol) = (version, notice.symbol) }
        }
        let changes = try reader.agendaVersions(sessionID: session.id).filter { $0.version > announced }
        guard !changes.isEmpty else {
            throw DocketError(
                .conflict, "the agenda has not changed since \(lastSymbol.isEmpty ? "the invitation" : lastSymbol) announced version \(announced); there is nothing to notify",
                field: "kind")
        }
        return changes
    }

    /// A notice, its read receipts and the proof that it was issued (readers of all sessions).
    public func receipts(_ id: String, as actor: User) async throws -> NoticeReceipts {
        try actor.require(.readAllSessions)
        let (notice, read, receipts) = try await storage.read { reader in
            guard let notice = try reader.notice(id: id) else { throw DocketError.notFound("notice", id) }
            let receipts = try reader.recipients(noticeID: id).map { recipient in
                NoticeReceipts.Receipt(
                    userID: recipient.userID, username: try reader.user(id: recipient.userID)?.username ?? recipient.userID,
                    readAt: recipient.readAt)
            }.sorted { $0.username < $1.username }
            return (notice, receipts.filter { $0.readAt != nil }.count, receipts)
        }
        return NoticeReceipts(
            notice: notice, read: read, unread: receipts.count - read, recipients: receipts, proof: try await proof(of: notice))
    }

    /// A body's register of issued numbers, in order of issue (readers of all sessions).
    public func register(body: String, year: Int? = nil, page: Page, as actor: User) async throws -> Paged<Notice> {
        try actor.require(.readAllSessions)
        return try await storage.read { reader in
            try reader.notices(bodyID: SessionService.body(body, in: reader).id, year: year, page: page)
        }
    }

    /// The actor's inbox, latest first.
    public func inbox(page: Page, as actor: User) async throws -> Paged<NoticeDelivery> {
        try await storage.read { try $0.notices(recipient: actor.id, page: page) }
    }

    /// Opens a notice from the actor's inbox, with the proof that it was issued; the first
    /// opening is recorded as read.
    public func open(_ id: String, as actor: User) async throws -> OpenedNotice {
        let now = records.configuration.time.now()
        @Sendable func delivered(in reader: any StorageReader) throws -> (Notice, NoticeRecipient) {
            guard let notice = try reader.notice(id: id), let receipt = try reader.recipient(noticeID: id, userID: actor.id)
            else { throw DocketError.notFound("notice", id) }
            return (notice, receipt)
        }
        // The proof first: a log that cannot prove the notice records no reading of it.
        let proof = try await proof(of: try await storage.read { try delivered(in: $0).0 })
        return try await storage.write { writer in
            var (notice, receipt) = try delivered(in: writer)
            if receipt.readAt == nil {
                receipt.readAt = now
                try writer.save(receipt)
                try audit.record(writer, actor: actor.id, action: .noticeRead, subject: id)
            }
            return OpenedNotice(notice: notice, readAt: receipt.readAt, proof: proof)
        }
    }

    /// The inclusion proof of the event that issued `notice`.
    private func proof(of notice: Notice) async throws -> InclusionProof {
        guard let issued = try await storage.read({ try $0.lastAuditEvent(subject: notice.id, actions: [AuditAction.noticeIssue.rawValue]) })
        else {
            throw DocketError(
                .verificationFailed, "the audit log holds no event issuing \(notice.symbol); run `docket audit verify`", field: "id")
        }
        return try await auditLog.proof(of: issued.sequence)
    }
}
