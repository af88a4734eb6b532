import DocketCore
import Foundation

/// Bodies and their sessions: creation, numbering, and the lifecycle
/// draft → scheduled → open → closed → archived.
public struct SessionService: Sendable {
    let storage: any Storage
    let audit: AuditLog
    let records: SignedRecords
    let groupCommit: WriteBatcher
    /// Signs a checkpoint of the audit log at every session close.
    let auditLog: AuditService
    var configuration: DocketConfiguration { records.configuration }

    // MARK: bodies

    /// Registers a body (admin, clerk).
    public func createBody(_ new: NewBody, as actor: User) async throws -> Body {
        try actor.require(.manageSessions)
        let name = try TextInput.clean(new.name, field: "name")
        guard (1...200).contains(name.count) else { throw DocketError.invalid("name", "a body's name is 1 to 200 characters") }
        let code = try CanonicalName.identifier(new.code, field: "code", what: "a body's code")
        guard (1...20).contains(code.count), code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else {
            throw DocketError.invalid(
                "code", "a body's code is 1 to 20 letters or digits as used in symbols, e.g. BCĐCĐS; got '\(new.code)'")
        }
        let term = try TextInput.clean(new.term, field: "term")
        if new.numbering == .party && term.isEmpty {
            throw DocketError.invalid("term", "party numbering restarts each term; give the current term, e.g. 2020-2025")
        }
        let body = Body(
            id: configuration.identifiers.make("bod"), name: name, code: code, numbering: new.numbering, term: term,
            quorum: new.quorum, createdAt: configuration.time.now())
        try await storage.write { writer in
            try writer.insert(body)
            try audit.record(
                writer, actor: actor.id, action: .bodyCreate, subject: body.id,
                details: ["name": name, "code": code, "numbering": body.numbering.rawValue, "term": term,
                          "quorum": body.quorum.rawValue])
        }
        return body
    }

    /// All bodies, by code (anyone signed in: bodies are not secret).
    public func bodies(page: Page, as actor: User) async throws -> Paged<Body> {
        try await storage.read { try $0.bodies(page: page) }
    }

    // MARK: sessions

    /// Creates a draft session with the body's next number (admin, clerk).
    public func create(_ new: NewSession, as actor: User) async throws -> Session {
        try actor.require(.manageSessions)
        let title = try TextInput.clean(new.title, field: "title")
        guard (1...500).contains(title.count) else { throw DocketError.invalid("title", "a title is 1 to 500 characters") }
        if let endsAt = new.endsAt, endsAt <= new.startsAt {
            throw DocketError.invalid("ends", "the session must end after it starts")
        }
        let location = try TextInput.clean(optional: new.location, field: "location")
        let id = configuration.identifiers.make("ses")
        let now = configuration.time.now()
        if new.backEntered && new.startsAt >= now {
            throw DocketError.invalid(
                "startsAt", "a back-entered session is one already held; \(Timestamp.string(new.startsAt)) has not come yet")
        }
        return try await storage.write { writer in
            let body = try Self.body(new.body, in: writer)
            let session = Session(
                id: id, bodyID: body.id, number: try writer.lastSessionNumber(bodyID: body.id) + 1, title: title,
                startsAt: new.startsAt, endsAt: new.endsAt, location: location?.isEmpty == true ? nil : location,
                state: .draft, createdBy: actor.id, createdAt: now, backEntered: new.backEntered)
            try writer.insert(session)
            try audit.record(
                writer, actor: actor.id, action: .sessionCreate, subject: session.id,
                details: ["body": body.code, "number": String(session.number), "title": title,
                          "startsAt": Timestamp.string(session.startsAt), "backEntered": String(session.backEntered)])
            return session
        }
    }

    /// Sessions the user may see, latest first. Delegates see only sessions they are invited to,
    /// once invitations are out.
    public func list(body: String?, page: Page, as actor: User) async throws -> Paged<Session> {
        try await storage.read { reader in
            try reader.sessions(
                bodyID: body.map { try Self.body($0, in: reader).id },
                participantID: actor.readsAllSessions ? nil : actor.id, page: page)
        }
    }

    /// One session; sessions the user may not see are "not found".
    public func get(_ id: String, as actor: User) async throws -> Session {
        try await storage.read { try Self.visibleSession(id, to: actor, in: $0) }
    }

    /// The session if `actor` may see it: readers of all sessions, and its participants once the
    /// invitations are out (a draft is the clerk's work in progress).
    static func visibleSession(_ id: String, to actor: User, in reader: any StorageReader) throws -> Session {
        guard let session = try reader.session(id: id),
            try actor.readsAllSessions
                || (session.state != .draft && reader.participant(sessionID: id, userID: actor.id) != nil)
        else { throw DocketError.notFound("session", id) }
        return session
    }

    /// The body with the code or id `reference`.
    static func body(_ reference: String, in reader: any StorageReader) throws -> Body {
        guard let body = try reader.body(code: reference) ?? reader.body(id: reference) else {
            throw DocketError(.notFound, "no body with the code or id \(reference); `docket body list` shows them", field: "body")
        }
        return body
    }

    /// Moves a session one step along its lifecycle (admin, clerk). Scheduling freezes agenda
    /// version 1 and issues the invitation to every participant (a back-entered session's was
    /// issued on paper: its notices are entered with `NoticeService.issue(backEntered:)`);
    /// closing files the signed attendance record.
    public func advance(_ id: String, to target: SessionState, as actor: User) async throws -> Session {
        try actor.require(.manageSessions)
        let advanced = try await storage.write { writer in
            guard var session = try writer.session(id: id) else { throw DocketError.notFound("session", id) }
            guard session.state.next == target else {
                let allowed = target.previous.map { "only a \($0.rawValue) session can become \(target.rawValue)" }
                    ?? "no session can become \(target.rawValue) again"
                throw DocketError(
                    .conflict, "session \(id) is \(session.state.rawValue) and cannot become \(target.rawValue): \(allowed)",
                    field: "state")
            }
            let from = session.state
            session.state = target
            try audit.record(
                writer, actor: actor.id, action: .session(target), subject: id,
                details: ["from": from.rawValue, "to": target.rawValue])
            switch target {
            case .scheduled: try sendInvitations(&session, as: actor, in: writer)
            case .closed: session.attendanceRecordID = try fileAttendanceRecord(session, as: actor, in: writer).id
            default: break
            }
            try writer.update(session)
            return session
        }
        if target == .closed {
            // A closed session's record is anchored in a signed checkpoint. The close is committed
            // either way; a log that cannot be checkpointed is what `audit verify` reports.
            _ = try? await auditLog.keepCheckpoint()
        }
        return advanced
    }
}
