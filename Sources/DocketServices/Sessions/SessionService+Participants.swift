import DocketCore
import Foundation

extension SessionService {
    // MARK: bridge points

    /// Adds a bridge point hosted by an agency (admin, clerk; before the session opens).
    public func addBridgePoint(_ sessionID: String, name: String, hostAgency: String, as actor: User) async throws
        -> BridgePoint
    {
        try actor.require(.manageSessions)
        let name = try TextInput.clean(name, field: "name")
        guard (1...200).contains(name.count) else { throw DocketError.invalid("name", "a bridge point's name is 1 to 200 characters") }
        let id = configuration.identifiers.make("brp")
        return try await storage.write { writer in
            let (session, _) = try changeable(
                sessionID, "bridge points", in: [.draft, .scheduled], amendment: nil, amendable: false, writer)
            let agency = try AgencyService.agency(hostAgency, field: "host-agency", in: writer)
            let point = BridgePoint(id: id, sessionID: session.id, name: name, hostAgency: agency.code)
            try writer.insert(point)
            try audit.record(
                writer, actor: actor.id, action: .sessionBridgePoint, subject: session.id,
                details: ["id": id, "name": name, "hostAgency": agency.code])
            return point
        }
    }

    /// The session's bridge points.
    public func bridgePoints(_ sessionID: String, as actor: User) async throws -> [BridgePoint] {
        try await storage.read { reader in
            _ = try Self.visibleSession(sessionID, to: actor, in: reader)
            return try reader.bridgePoints(sessionID: sessionID)
        }
    }

    // MARK: participants

    /// Invites a user with a role, optionally at a bridge point; inviting again changes the role or
    /// point (admin, clerk; until the session closes). Once invitations are out, a new participant
    /// receives the invitation too.
    public func invite(
        _ sessionID: String, user reference: String, role: ParticipantRole, bridgePoint: String? = nil, as actor: User
    ) async throws -> ParticipantView {
        try actor.require(.manageSessions)
        return try await storage.write { writer in
            let (session, _) = try changeable(
                sessionID, "participants", in: [.draft, .scheduled, .open], amendment: nil, amendable: false, writer)
            let user = try Self.user(reference, in: writer)
            let points = try writer.bridgePoints(sessionID: session.id)
            var point: BridgePoint?
            if let bridgePoint {
                guard let found = points.first(where: { $0.id == bridgePoint || $0.name == bridgePoint }) else {
                    throw DocketError(
                        .notFound, "session \(session.id) has no bridge point \(bridgePoint); add it first", field: "bridge-point")
                }
                point = found
            }
            let existing = try writer.participant(sessionID: session.id, userID: user.id)
            var participant = existing ?? Participant(sessionID: session.id, userID: user.id, role: role)
            participant.role = role
            participant.bridgePointID = point?.id
            try writer.save(participant)
            if existing == nil, let invitation = try writer.notices(sessionID: session.id).last(where: { $0.kind == .invitation }) {
                try writer.save(NoticeRecipient(noticeID: invitation.id, userID: user.id))
            }
            try audit.record(
                writer, actor: actor.id, action: .sessionInvite, subject: session.id,
                details: ["user": user.username, "role": role.rawValue, "bridgePoint": point?.name ?? ""])
            return Self.view(participant, user: user, session: session, points: points)
        }
    }

    /// Withdraws an invitation (admin, clerk; before the session opens).
    public func uninvite(_ sessionID: String, user reference: String, as actor: User) async throws {
        try actor.require(.manageSessions)
        try await storage.write { writer in
            let (session, _) = try changeable(
                sessionID, "participants", in: [.draft, .scheduled], amendment: nil, amendable: false, writer)
            let user = try Self.user(reference, in: writer)
            guard try writer.participant(sessionID: session.id, userID: user.id) != nil else {
                throw DocketError(.notFound, "\(user.username) is not invited to session \(session.id)", field: "user")
            }
            try writer.removeParticipant(sessionID: session.id, userID: user.id)
            try audit.record(writer, actor: actor.id, action: .sessionUninvite, subject: session.id, details: ["user": user.username])
        }
    }

    /// The participants, by role then username.
    public func participants(_ sessionID: String, as actor: User) async throws -> [ParticipantView] {
        try await attendance(sessionID, as: actor).participants
    }

    /// The actor's own place in a session they may see (nil when not invited): one row, where
    /// `participants` reads them all.
    public func participation(_ sessionID: String, as actor: User) async throws -> ParticipantView? {
        try await storage.read { reader in
            let session = try Self.visibleSession(sessionID, to: actor, in: reader)
            guard let participant = try reader.participant(sessionID: sessionID, userID: actor.id) else { return nil }
            return Self.view(participant, user: actor, session: session, points: try reader.bridgePoints(sessionID: sessionID))
        }
    }

    /// Whether a participant can check in now, by the rules `checkIn` applies: the session is open
    /// and held in Docket, and they are not already in the room.
    public static func mayCheckIn(_ session: Session, _ participant: ParticipantView?) -> Bool {
        guard let participant else { return false }
        return session.state == .open && !session.backEntered && !participant.isInRoom
    }

    // MARK: attendance

    /// Checks the actor in to an open session they are invited to. Checking in again changes
    /// nothing; checking in after checking out clears the departure.
    public func checkIn(_ sessionID: String, as actor: User) async throws -> ParticipantView {
        try await selfService(sessionID, as: actor) { participant, now in
            if participant.isInRoom { return false }
            if participant.status != .present { participant.arrivedAt = now }
            participant.status = .present
            participant.leftAt = nil
            participant.reason = nil
            participant.proxy = nil
            return true
        }
    }

    /// Records that the actor left an open session.
    public func checkOut(_ sessionID: String, as actor: User) async throws -> ParticipantView {
        try await selfService(sessionID, as: actor) { participant, now in
            guard participant.status == .present else {
                throw DocketError(.conflict, "you have not checked in to session \(sessionID)", field: "status")
            }
            if participant.leftAt != nil { return false }
            participant.leftAt = now
            return true
        }
    }

    private func selfService(
        _ sessionID: String, as actor: User, change: @escaping @Sendable (inout Participant, Date) throws -> Bool
    ) async throws -> ParticipantView {
        let now = configuration.time.now()
        return try await groupCommit.write(storage) { writer in
            guard let session = try writer.session(id: sessionID),
                var participant = try writer.participant(sessionID: sessionID, userID: actor.id)
            else { throw DocketError.notFound("session", sessionID) }
            guard !session.backEntered else {
                throw DocketError(
                    .conflict, "session \(sessionID) was held before Docket; the clerk records its attendance with the real times",
                    field: "state")
            }
            guard session.state == .open else {
                throw DocketError(
                    .conflict, "session \(sessionID) is \(session.state.rawValue); check-in and check-out are possible while it is open",
                    field: "state")
            }
            if try change(&participant, now) {
                try writer.save(participant)
                try audit.record(
                    writer, actor: actor.id, action: participant.leftAt == nil ? .sessionCheckIn : .sessionCheckOut,
                    subject: sessionID)
            }
            return Self.view(participant, user: actor, session: session, points: try writer.bridgePoints(sessionID: sessionID))
        }
    }

    /// Records a participant's attendance (admin, clerk): present with arrival time, absent with a
    /// reason, represented by a proxy, or left early. A closed session takes it only as an amendment.
    public func recordAttendance(_ sessionID: String, _ change: AttendanceChange, as actor: User) async throws
        -> ParticipantView
    {
        try actor.require(.manageSessions)
        let now = configuration.time.now()
        let reason = try TextInput.clean(optional: change.reason, field: "reason")
        let proxy = try TextInput.clean(optional: change.proxy, field: "proxy")
        switch change.status {
        case .absent where reason == nil: throw DocketError.invalid("reason", "absence needs a reason")
        case .represented where proxy == nil: throw DocketError.invalid("proxy", "say who represents the participant")
        case .present, .absent, .represented, .invited: break
        }
        if change.leftAt != nil && change.status != .present {
            throw DocketError.invalid("left", "only a participant who was present can leave early")
        }
        return try await storage.write { writer in
            let (session, amending) = try changeable(
                sessionID, "attendance", in: [.scheduled, .open], amendment: change.amendment, writer)
            let user = try Self.user(change.user, in: writer)
            guard let before = try writer.participant(sessionID: session.id, userID: user.id) else {
                throw DocketError(.notFound, "\(user.username) is not invited to session \(session.id)", field: "user")
            }
            var participant = before
            participant.status = change.status
            // A session held before Docket: present without a time means on time, not late today.
            let arrival = change.at ?? before.arrivedAt ?? (session.backEntered ? session.startsAt : now)
            participant.arrivedAt = change.status == .present ? arrival : nil
            participant.leftAt = change.leftAt
            participant.reason = change.status == .absent ? reason : nil
            participant.proxy = change.status == .represented ? proxy : nil
            if let left = participant.leftAt, let arrived = participant.arrivedAt, left <= arrived {
                throw DocketError.invalid("left", "the departure must be after the arrival (\(Timestamp.string(arrived)))")
            }
            try writer.save(participant)
            try audit.record(
                writer, actor: actor.id, action: .sessionAttendance, subject: session.id,
                details: ["user": user.username, "status": participant.status.rawValue, "amendment": amending ?? ""])
            if let amending {
                try recordAmendment(
                    session, subject: "attendance \(user.id)", reason: amending, before: before, after: participant,
                    actor: actor, writer)
            }
            return Self.view(participant, user: user, session: session, points: try writer.bridgePoints(sessionID: session.id))
        }
    }

    /// Attendance counts per bridge point and whether the body's quorum holds now.
    public func attendance(_ sessionID: String, as actor: User) async throws -> AttendanceReport {
        try await storage.read { reader in
            let session = try Self.visibleSession(sessionID, to: actor, in: reader)
            return try Self.attendanceReport(session, in: reader)
        }
    }

    static func attendanceReport(_ session: Session, in reader: any StorageReader) throws -> AttendanceReport {
        guard let body = try reader.body(id: session.bodyID) else { throw DocketError.notFound("body", session.bodyID) }
        let points = try reader.bridgePoints(sessionID: session.id)
        let participants = try reader.participants(sessionID: session.id)
        // One query for every participant's user: a plenary session has thousands.
        let users = Dictionary(try reader.users(ids: participants.map(\.userID)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var views: [ParticipantView] = []
        for participant in participants {
            guard let user = users[participant.userID] else { continue }
            views.append(view(participant, user: user, session: session, points: points))
        }
        views.sort { ($0.role.sortKey, $0.username) < ($1.role.sortKey, $1.username) }
        // A body with a roster counts all its members, present only if invited and in the room.
        let roster = try quorumRoster(session, in: reader)
        let counted = views.filter { countsForQuorum($0, roster: roster) }
        let basis: QuorumBasis = roster.isEmpty ? .entitledParticipants : .bodyRoster
        let entitled = roster.isEmpty ? counted.count : roster.count
        let entitledPresent = counted.filter(\.isInRoom).count
        let pointNames = [nil] + points.map(\.name)
        let counts = pointNames.compactMap { name -> AttendanceReport.Point? in
            let here = views.filter { $0.bridgePoint == name }
            if name == nil && here.isEmpty && !points.isEmpty { return nil }
            return AttendanceReport.Point(
                bridgePoint: name ?? "main", invited: here.count,
                present: here.filter { $0.isInRoom }.count,
                late: here.filter(\.late).count, leftEarly: here.filter { $0.leftAt != nil }.count,
                absent: here.filter { $0.status == .absent }.count,
                represented: here.filter { $0.status == .represented }.count,
                notRecorded: here.filter { $0.status == .invited }.count)
        }
        return AttendanceReport(
            sessionID: session.id, state: session.state, quorumRule: body.quorum.text, quorumBasis: basis, entitled: entitled,
            entitledPresent: entitledPresent, quorum: body.quorum.holds(present: entitledPresent, entitled: entitled),
            points: counts, participants: views)
    }

    /// The user ids on the roster of the session's body; empty when it keeps none.
    static func quorumRoster(_ session: Session, in reader: any StorageReader) throws -> Set<String> {
        Set(try reader.bodyMembers(bodyID: session.bodyID).map(\.userID))
    }

    /// Whether the quorum counts this participant: on the roster, or without one, chair or member.
    static func countsForQuorum(_ participant: ParticipantView, roster: Set<String>) -> Bool {
        roster.isEmpty ? participant.role.isEntitled : roster.contains(participant.userID)
    }

    static func view(_ participant: Participant, user: User, session: Session, points: [BridgePoint]) -> ParticipantView {
        ParticipantView(
            userID: user.id, username: user.username, agency: user.agency, role: participant.role,
            bridgePoint: points.first { $0.id == participant.bridgePointID }?.name, status: participant.status,
            arrivedAt: participant.arrivedAt, late: participant.arrivedAt.map { $0 > session.startsAt } ?? false,
            leftAt: participant.leftAt, reason: participant.reason, proxy: participant.proxy)
    }

    /// The user with the username or id `reference`.
    static func user(_ reference: String, in reader: any StorageReader) throws -> User {
        guard let user = try reader.user(username: reference) ?? reader.user(id: reference) else {
            throw DocketError(.notFound, "no user with the username or id \(reference)", field: "user")
        }
        return user
    }

    // MARK: change windows and amendments

    /// The session, if `what` may change in its state. A closed session takes a change only as an
    /// amendment with a reason (returned); an archived one never changes.
    func changeable(
        _ id: String, _ what: String, in states: Set<SessionState>, amendment: String?, amendable: Bool = true,
        _ writer: any StorageWriter
    ) throws -> (Session, amending: String?) {
        guard let session = try writer.session(id: id) else { throw DocketError.notFound("session", id) }
        if states.contains(session.state) { return (session, nil) }
        let reason = try TextInput.clean(optional: amendment, field: "amendment", multiline: true)
        if session.state == .closed && amendable {
            guard let reason else {
                throw DocketError(
                    .conflict,
                    "session \(id) is closed, so its \(what) is frozen; a correction is an amendment: give its reason (--amend REASON, or \"amendment\" over HTTP)",
                    field: "amendment")
            }
            return (session, reason)
        }
        let allowed = SessionState.allCases.filter(states.contains).map(\.rawValue).joined(separator: ", ")
        throw DocketError(
            .conflict, "session \(id) is \(session.state.rawValue); its \(what) can change only while it is \(allowed)"
                + (amendable && session.state != .archived ? ", or by amendment once closed" : ""),
            field: "state")
    }

    /// Keeps the record as it was beside the correction.
    func recordAmendment<T: Encodable>(
        _ session: Session, subject: String, reason: String, before: T?, after: T?, actor: User, _ writer: any StorageWriter
    ) throws {
        func json(_ value: T?) throws -> String {
            guard let value else { return "null" }
            return String(decoding: try DocketJSON.compact.encode(value), as: UTF8.self)
        }
        let amendment = Amendment(
            id: configuration.identifiers.make("amd"), sessionID: session.id, subject: subject, reason: reason,
            before: try json(before), after: try json(after), createdBy: actor.id, createdAt: configuration.time.now())
        try writer.insert(amendment)
        try audit.record(
            writer, actor: actor.id, action: .sessionAmend, subject: session.id,
            details: ["amendment": amendment.id, "subject": subject, "reason": reason])
    }

    /// The corrections made after the session closed, oldest first.
    public func amendments(_ sessionID: String, as actor: User) async throws -> [Amendment] {
        try await storage.read { reader in
            _ = try Self.visibleSession(sessionID, to: actor, in: reader)
            return try reader.amendments(sessionID: sessionID)
        }
    }

    // MARK: records made by the lifecycle

    /// The signed attendance record filed when the session closes.
    func fileAttendanceRecord(_ session: Session, as actor: User, in writer: any StorageWriter) throws -> Document {
        let report = try Self.attendanceReport(session, in: writer)
        let body = try writer.body(id: session.bodyID)
        let zone = configuration.timeZone
        let time = { (date: Date?) in date.map { LocalTime.dateTime($0, in: zone) } ?? "" }
        // With a roster, it decides who counts; members who were not invited are listed as such.
        let roster = try Self.quorumRoster(session, in: writer)
        let uninvited = try roster.sorted().filter { id in !report.participants.contains { $0.userID == id } }.compactMap { id in
            try writer.user(id: id).map { "<tr><td>\(HTML.escape($0.username))</td><td></td><td>có</td><td></td><td>không được mời</td><td></td><td></td><td></td></tr>" }
        }
        let rows = (report.participants.map { person in
            "<tr><td>\(HTML.escape(person.username))</td><td>\(VietnameseLabels.role(person.role))</td><td>\(Self.countsForQuorum(person, roster: roster) ? "có" : "không")</td>"
                + "<td>\(HTML.escape(VietnameseLabels.bridgePoint(person.bridgePoint)))</td><td>\(VietnameseLabels.attendance(person))</td>"
                + "<td>\(time(person.arrivedAt))</td><td>\(time(person.leftAt))</td>"
                + "<td>\(HTML.escape(person.reason ?? person.proxy.map { "người dự thay: \($0)" } ?? ""))</td></tr>"
        } + uninvited).joined(separator: "\n")
        let title = "Biên bản điểm danh phiên họp thứ \(session.number) — \(body?.code ?? session.bodyID)"
        let html = HTML.page(
            title: title,
            body: """
                <h1>\(HTML.escape(title))</h1>
                <p>\(HTML.escape(session.title))<br>Bắt đầu: \(time(session.startsAt)); kết thúc điểm danh: \(time(configuration.time.now()))</p>
                \(session.backEntered ? "<p>Phiên họp diễn ra trước khi dùng Docket; biên bản này được lập lại từ hồ sơ giấy.</p>" : "")
                <p>Tính túc số (\(VietnameseLabels.quorumBasis(report.quorumBasis))): \(report.entitled); có mặt khi kết thúc: \(report.entitledPresent); túc số (\(HTML.escape(VietnameseLabels.quorumRule(report.quorumRule)))): \(report.quorum ? "đạt" : "không đạt")</p>
                <table><tr><th>đại biểu</th><th>vai trò</th><th>tính túc số</th><th>điểm cầu</th><th>điểm danh</th><th>giờ đến</th><th>giờ về</th><th>ghi chú</th></tr>
                \(rows)
                </table>
                """)
        return try records.file(
            Data(html.utf8), title: title, filename: "attendance-\(session.id).html", mediaType: "text/html",
            signerID: nil, actor: actor, in: writer)
    }
}

extension ParticipantRole {
    var sortKey: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

