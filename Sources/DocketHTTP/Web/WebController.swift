import DocketCore
import DocketServices
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The pages people use in a browser, in Vietnamese, over the same service layer as the API: a
/// page handler makes one service call (or a few reads) and renders one template.
struct WebController {
    let docket: Docket
    let pages: PageRenderer
    let documents: DocumentController
    let sessions: SessionController
    let records: RecordController
    let tasks: TaskController
    let live: LiveQuorum
    var zone: TimeZone { docket.configuration.timeZone }

    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("/", use: home)
        routes.get("assets/docket.css", use: stylesheet)
        routes.get("assets/live.js", use: liveScript)
        routes.get("sign-in", use: signInForm)
        routes.post("sign-in", use: signIn)
        routes.post("sign-out", use: signOut)
        routes.get("sessions", use: sessionList)
        routes.get("sessions/:id", use: sessionPage)
        routes.post("sessions/:id/check-in", use: checkIn)
        routes.get("sessions/:id/quorum", use: quorumFragment)
        routes.post("sessions/:id/conclusion-notice", use: issueConclusionNotice)
        routes.get("sessions/:id/pack", use: sessions.downloadPack)
        routes.get("documents/:id", use: documents.downloadDocument)
        routes.get("notices", use: noticeList)
        routes.get("notices/:id", use: openNotice)
        routes.get("tasks", use: taskList)
        routes.post("tasks/:id/progress", use: reportProgress)
        routes.get("registers", use: registerList)
        routes.get("registers/:register", use: registerPage)
        routes.get("registers/:register/sheet", use: records.printRegister)
        routes.get("incoming/new", use: incomingForm)
        routes.post("incoming", use: registerIncoming)
        routes.get("entries/:id", use: entryPage)
        routes.post("entries/:id/:step", use: processEntry)
        routes.get("queue", use: queuePage)
        routes.get("dossiers", use: dossierList)
        routes.get("dossiers/:code", use: dossierPage)
        routes.post("dossiers/:code/items", use: fileInDossier)
        routes.post("dossiers/:code/close", use: closeDossier)
        routes.get("search", use: searchPage)
        routes.get("verify", use: verifyForms)
        routes.post("verify/pack", use: verifyPack)
        routes.get("verify/audit", use: verifyAudit)
        routes.get("reports/tasks", use: reportPage)
        routes.get("reports/tasks/download", use: tasks.taskReport)
        return routes
    }

    /// `path` with `parameters` as a query string, in a fixed order, each value percent-encoded
    /// except RFC 3986's unreserved characters.
    static func link(_ path: String, _ parameters: [String: String]) -> String {
        guard !parameters.isEmpty else { return path }
        return path + "?" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.encoded($0.value))" }.joined(separator: "&")
    }

    /// A path segment or query value percent-encoded: only RFC 3986's unreserved characters stay.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    @Sendable func home(_ request: Request, context: DocketRequestContext) async throws -> Response {
        Self.redirect("/sessions")
    }

    @Sendable func stylesheet(_ request: Request, context: DocketRequestContext) async throws -> Response {
        try Self.asset(PageRenderer.stylesheet, named: "docket.css", type: "text/css; charset=utf-8")
    }

    @Sendable func liveScript(_ request: Request, context: DocketRequestContext) async throws -> Response {
        try Self.asset(PageRenderer.liveScript, named: "live.js", type: "text/javascript; charset=utf-8")
    }

    private static func asset(_ content: ByteBuffer?, named name: String, type: String) throws -> Response {
        guard let content else { throw DocketError.notFound("asset", name) }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600", .contentTypeOptions: "nosniff"],
            body: .init(byteBuffer: content))
    }

    // MARK: signing in and out

    struct SignInView {
        let page: Chrome
        let token: String
        let username: String?
        let problem: String?
    }

    @Sendable func signInForm(_ request: Request, context: DocketRequestContext) async throws -> Response {
        signInPage(request, context: context, username: nil, problem: nil, status: .ok)
    }

    private func signInPage(
        _ request: Request, context: DocketRequestContext, username: String?, problem: String?, status: HTTPResponse.Status
    ) -> Response {
        let token = docket.configuration.identifiers.make("csrf")
        return pages.page(
            "sign-in", SignInView(page: Chrome("Đăng nhập", context: context), token: token, username: username, problem: problem),
            status: status, headers: [.setCookie: WebSession.setCookie(WebSession.signInCookie, token, maxAge: 3600, request: request)])
    }

    @Sendable func signIn(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let form = try await WebForm(request, maxUploadSize: 64 * 1024)
        try WebSession.check(form["csrf"], expected: WebSession.cookie(WebSession.signInCookie, in: request))
        do {
            let issued = try await docket.users.login(
                username: form["username"] ?? "", password: form["password"] ?? "", address: context.clientAddress)
            let maxAge = Int((issued.expiresAt ?? docket.configuration.time.now()).timeIntervalSince(docket.configuration.time.now()))
            var headers = HTTPFields()
            headers.append(HTTPField(name: .setCookie, value: WebSession.setCookie(WebSession.cookie, issued.token, maxAge: maxAge, request: request)))
            headers.append(HTTPField(name: .setCookie, value: WebSession.setCookie(WebSession.signInCookie, "", maxAge: 0, request: request)))
            return Self.redirect("/sessions", headers: headers)
        } catch let error as DocketError where error.code == .unauthenticated || error.code == .tooManyRequests {
            let problem = error.code == .tooManyRequests ? "Đăng nhập sai quá nhiều lần; hãy đợi rồi thử lại." : "Sai tên đăng nhập hoặc mật khẩu."
            return signInPage(
                request, context: context, username: form["username"], problem: problem,
                status: error.code == .tooManyRequests ? .tooManyRequests : .unauthorized)
        }
    }

    @Sendable func signOut(_ request: Request, context: DocketRequestContext) async throws -> Response {
        if let grant = context.grant { _ = try await docket.users.signOut(grant) }
        return Self.redirect("/sign-in", headers: [.setCookie: WebSession.setCookie(WebSession.cookie, "", maxAge: 0, request: request)])
    }

    // MARK: sessions

    struct SessionRow {
        let id: String
        let number: Int
        let title: String
        let when: String
        let location: String?
        let state: String
        let open: Bool

        init(_ session: Session, zone: TimeZone) {
            id = session.id
            number = session.number
            title = session.title
            when = LocalTime.dateTime(session.startsAt, in: zone)
            location = session.location
            state = VietnameseLabels.state(session.state)
            open = session.state == .open
        }
    }

    /// Mustache reads stored properties only, so what a section tests is stored.
    struct SessionsView {
        let page: Chrome
        let today: [SessionRow]
        let upcoming: [SessionRow]
        let past: [SessionRow]
        let none: Bool

        init(page: Chrome, today: [SessionRow], upcoming: [SessionRow], past: [SessionRow]) {
            (self.page, self.today, self.upcoming, self.past) = (page, today, upcoming, past)
            none = today.isEmpty && upcoming.isEmpty && past.isEmpty
        }
    }

    @Sendable func sessionList(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let all = try await docket.sessions.list(body: nil, page: Page(limit: 200), as: context.user()).items
        let today = docket.configuration.today()
        let day = { (session: Session) in CalendarDate(session.startsAt, in: zone) }
        return pages.page(
            "sessions",
            SessionsView(
                page: Chrome("Phiên họp của tôi", context: context),
                today: all.filter { day($0) == today }.map { SessionRow($0, zone: zone) },
                upcoming: all.filter { day($0) > today }.reversed().map { SessionRow($0, zone: zone) },
                past: all.filter { day($0) < today }.map { SessionRow($0, zone: zone) }))
    }

    struct ItemRow {
        struct File {
            let id: String
            let title: String
            let signed: Bool
        }
        let number: String
        let title: String
        let presenter: String?
        let minutes: Int?
        let files: [File]
        let nested: Bool
    }

    struct SessionView {
        let page: Chrome
        let session: SessionRow
        let items: [ItemRow]
        let counts: LiveQuorum.Counts
        let myStatus: String?
        let myArrival: String?
        let canCheckIn: Bool
        let canDownload: Bool
        /// The record, for those who read every session: who came, from where, what was concluded.
        let record: Record?
        let canIssue: Bool
    }

    struct Record {
        struct Person {
            let name: String
            let role: String
            let point: String
            let status: String
            let arrival: String
        }
        struct Point {
            let name: String
            let invited: Int
            let present: Int
        }
        let people: [Person]
        let points: [Point]
        let conclusions: [String]
    }

    @Sendable func sessionPage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let notice = request.query("issued").map { "Đã phát hành thông báo kết luận số \($0)." }
            ?? request.query("done").map { _ in "Đã điểm danh." }
        return try await sessionView(context.parameters.value("id"), context: context, notice: notice)
    }

    private func sessionView(_ id: String, context: DocketRequestContext, notice: String?) async throws -> Response {
        let user = try context.user()
        let session = try await docket.sessions.get(id, as: user)
        // Only what the reader's clearance allows is listed; the rest is not mentioned.
        let (agenda, documents) = try await docket.sessions.agendaWithDocuments(id, as: user)
        let readable = Dictionary(documents.map { ($0.document.id, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [ItemRow] = []
        for numbered in agenda.items {
            let files = numbered.item.documentIDs.compactMap { readable[$0] }.map {
                ItemRow.File(id: $0.document.id, title: $0.document.title, signed: $0.signed)
            }
            items.append(
                ItemRow(
                    number: numbered.number, title: numbered.item.title, presenter: numbered.item.presenter,
                    minutes: numbered.item.plannedMinutes, files: files, nested: numbered.number.contains(".")))
        }
        // The record needs every participant. A delegate's page needs the counts, which every reader
        // shares for two seconds (a room of tablets costs one attendance report), and their own row.
        let counts: LiveQuorum.Counts
        let me: ParticipantView?
        var record: Record?
        if user.hasAny(Permission.readAllSessions.roles) {
            let attendance = try await docket.sessions.attendance(id, as: user)
            counts = LiveQuorum.Counts(attendance)
            me = attendance.participants.first { $0.userID == user.id }
            record = Record(
                people: attendance.participants.map {
                    Record.Person(
                        name: $0.username, role: VietnameseLabels.role($0.role), point: VietnameseLabels.bridgePoint($0.bridgePoint), status: VietnameseLabels.attendance($0),
                        arrival: $0.arrivedAt.map { LocalTime.time($0, in: zone) } ?? "")
                },
                points: attendance.points.map { Record.Point(name: VietnameseLabels.bridgePoint($0.bridgePoint), invited: $0.invited, present: $0.present) },
                conclusions: try await docket.sessions.conclusions(id, as: user).map(\.text))
        } else {
            counts = try await live.shared(id, as: user, docket: docket)  // `sessions.get` above checked the reader
            me = try await docket.sessions.participation(id, as: user)
        }
        return pages.page(
            "session",
            SessionView(
                page: Chrome("Phiên họp thứ \(session.number): \(session.title)", context: context, notice: notice),
                session: SessionRow(session, zone: zone), items: items,
                counts: counts,
                myStatus: me.map { VietnameseLabels.attendance($0) }, myArrival: me?.arrivedAt.map { LocalTime.dateTime($0, in: zone) },
                canCheckIn: SessionService.mayCheckIn(session, me), canDownload: session.state != .draft, record: record,
                canIssue: NoticeService.mayIssueConclusion(session, conclusions: record?.conclusions.count ?? 0, by: user)))
    }

    @Sendable func checkIn(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let id = try context.parameters.value("id")
        _ = try await docket.sessions.checkIn(id, as: context.user())
        live.changed(id)
        return Self.redirect("/sessions/\(Self.encoded(id))?done=check-in")
    }

    /// The present count and the quorum as the session page shows them, for its script to poll.
    @Sendable func quorumFragment(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let counts = try await live.counts(context.parameters.value("id"), as: context.user(), docket: docket)
        return pages.page("quorum", counts)
    }

    /// The clerk issues the session's conclusion notice: numbered, signed, to every participant.
    @Sendable func issueConclusionNotice(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let id = try context.parameters.value("id")
        let notice = try await docket.notices.issue(.conclusion, session: id, as: context.user())
        return Self.redirect("/sessions/\(id)?issued=\(notice.number)")
    }

    // MARK: notices

    struct NoticeRow {
        let id: String
        let symbol: String
        let title: String
        let issued: String
        let read: Bool
    }

    struct NoticesView {
        let page: Chrome
        let items: [NoticeRow]
    }

    @Sendable func noticeList(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let inbox = try await docket.notices.inbox(page: Page(limit: 200), as: context.user())
        return pages.page(
            "notices",
            NoticesView(
                page: Chrome("Thông báo của tôi", context: context),
                items: inbox.items.map {
                    NoticeRow(
                        id: $0.notice.id, symbol: $0.notice.symbol, title: $0.notice.title,
                        issued: LocalTime.dateTime($0.notice.issuedAt, in: zone), read: $0.readAt != nil)
                }))
    }

    /// Opening a notice records its reading, then shows the signed notice itself.
    @Sendable func openNotice(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let user = try context.user()
        let opened = try await docket.notices.open(context.parameters.value("id"), as: user)
        let (document, content) = try await docket.documents.content(opened.notice.documentID, as: user)
        var headers = HTTPFields()
        headers[.contentType] = document.mediaType + "; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        return Response(status: .ok, headers: headers, body: try await content.responseBody(context: context))
    }

    // MARK: tasks

    struct TaskRow {
        let id: String
        let code: String
        let title: String
        let lead: String
        let deadline: String
        let status: String
        let progress: Int
        /// The percent shown in the form, and the report text typed before a problem sent it back.
        let percent: String
        let text: String
        let open: Bool
    }

    struct TasksView {
        let page: Chrome
        let items: [TaskRow]
    }

    @Sendable func taskList(_ request: Request, context: DocketRequestContext) async throws -> Response {
        try await tasksView(context: context, notice: request.query("done").map { _ in "Đã gửi báo cáo tiến độ." })
    }

    private func tasksView(
        context: DocketRequestContext, notice: String?, kept: (taskID: String, values: [String: String])? = nil, problem: DocketError? = nil
    ) async throws -> Response {
        let tasks = try await docket.tasks.tasks(TaskFilter(), page: Page(limit: 500), as: context.user())
        return pages.page(
            "tasks",
            TasksView(
                page: Chrome("Nhiệm vụ", context: context, notice: notice, problem: problem),
                items: tasks.items.map { task in
                    let typed = kept?.taskID == task.id ? kept?.values : nil
                    return TaskRow(
                        id: task.id, code: task.code, title: task.title, lead: task.leadAgency, deadline: LocalTime.day(task.deadline),
                        status: VietnameseLabels.task(task.status), progress: task.percent, percent: typed?["percent"] ?? String(task.percent),
                        text: typed?["text"] ?? "", open: task.status == .assigned || task.status == .inProgress)
                }))
    }

    /// A progress report from the task's form; bad input shows the list again with the field named
    /// and what was typed kept in that task's form.
    @Sendable func reportProgress(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let form = context.form ?? WebForm(encoded: "")
        let id = try context.parameters.value("id")
        do {
            _ = try await docket.tasks.reportProgress(id, percent: try form.integer("percent"), text: form["text"] ?? "", as: context.user())
            return Self.redirect("/tasks?done=progress")
        } catch let error as DocketError where error.code == .invalidInput {
            return try await tasksView(context: context, notice: nil, kept: (id, form.values), problem: error)
        }
    }
}

// The session page repeats these per agenda item and document: they answer Mustache's lookups
// directly instead of through `Mirror`, which costs a reflection per key.
extension WebController.ItemRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "presenter": presenter
        case "minutes": minutes
        case "files": files
        case "nested": nested
        default: nil
        }
    }
}

extension WebController.ItemRow.File: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "signed": signed
        default: nil
        }
    }
}

