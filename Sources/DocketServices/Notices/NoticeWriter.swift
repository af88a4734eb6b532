import DocketCore
import Foundation

/// Issues numbered notices inside the caller's transaction: takes the next number of the body's
/// outgoing register (the one register engine), renders and signs the HTML, files it, and delivers it. If anything fails the
/// transaction rolls back and the number stays free, so the register has no gaps.
struct NoticeWriter: Sendable {
    let audit: AuditLog
    let records: SignedRecords
    var configuration: DocketConfiguration { records.configuration }

    /// Issues a session's notice; signed with the chair's certificate when they have one. A
    /// back-entered notice keeps its paper number and date and goes to no one.
    @discardableResult
    func issue(
        _ kind: NoticeKind, for session: Session, to userIDs: [String], agencies: [String], note: String?, as actor: User,
        backEntered: BackEntry? = nil, in writer: any StorageWriter
    ) throws -> Notice {
        guard let body = try writer.body(id: session.bodyID) else { throw DocketError.notFound("body", session.bodyID) }
        let title = Self.title(kind, session: session)
        let chair = try writer.participants(sessionID: session.id).first { $0.role == .chair }
        return try issue(
            kind, by: body, session: session.id, title: title, content: render(kind, session: session, note: note, in: writer),
            to: userIDs, agencies: agencies, signerID: chair?.userID, as: actor, in: writer,
            agendaVersion: kind == .invitation || kind == .agendaChange ? session.agendaVersion : nil, backEntered: backEntered)
    }

    /// Takes the next number of `body`'s sequence for the kind's document type, renders the
    /// notice (the issuer, symbol, date and title, then `content`), signs and files it, and
    /// delivers it to the users and every user of the agencies. A back-entered notice takes its
    /// paper number in the series of its date, bears that date, and is delivered to no one.
    func issue(
        _ kind: NoticeKind, by body: Body, session sessionID: String?, title: String, content: String, to userIDs: [String],
        agencies: [String], signerID: String?, as actor: User, in writer: any StorageWriter, agendaVersion: Int? = nil,
        backEntered: BackEntry? = nil
    ) throws -> Notice {
        let now = configuration.time.now()
        let book = RegisterBook(configuration: configuration)
        let register = try book.register(for: body, as: actor, audit: audit, in: writer)
        let draft = RegisterEntry(
            id: configuration.identifiers.make("ent"), registerID: register.id, kind: .outgoing, series: "", number: 0,
            year: 0, symbol: "", type: kind.documentType, summary: title, documentDate: backEntered?.date ?? configuration.today(),
            registeredBy: actor.id, registeredAt: now, recipients: agencies)
        var entry = try backEntered.map {
            try book.numberBackEntered(draft, dated: $0.date, number: $0.number, in: register, in: writer)
        } ?? book.number(draft, in: register, in: writer)
        let (number, year, symbol) = (entry.number, entry.year, entry.symbol)
        let period = register.period == .term ? register.term ?? body.term : String(year)
        let issuedAt = backEntered.map { $0.date.start(in: configuration.timeZone) } ?? now
        let paper = backEntered.map { _ in
            "<p class=\"muted\">Văn bản ban hành trên giấy, vào sổ Docket ngày \(LocalTime.day(now, in: configuration.timeZone)).</p>\n"
        } ?? ""
        let html = HTML.page(
            title: "\(symbol) \(title)",
            body: """
                <p class="muted">\(HTML.escape(body.name))</p>
                <p class="symbol">Số \(HTML.escape(symbol))</p>
                <p class="muted">Ngày \(LocalTime.day(issuedAt, in: configuration.timeZone))</p>
                <h1>\(HTML.escape(title))</h1>
                \(paper)
                """ + content)
        let document = try records.file(
            Data(html.utf8), title: "\(symbol) \(title)",
            filename: "\(number)-\(kind.documentType)-\(body.code).html", mediaType: "text/html", signerID: signerID,
            actor: actor, in: writer)
        let notice = Notice(
            id: configuration.identifiers.make("ntc"), bodyID: body.id, sessionID: sessionID, kind: kind,
            type: kind.documentType, number: number, period: period, year: year, symbol: symbol, title: title,
            documentID: document.id, agencies: agencies, issuedBy: actor.id, issuedAt: issuedAt,
            backEntered: backEntered != nil)
        try writer.insert(notice)
        entry.documentID = document.id
        entry.noticeID = notice.id
        try book.insert(entry, document: document, text: HTML.text(of: content), in: writer)
        var recipients = Set(backEntered == nil ? userIDs : [])
        for agency in agencies where backEntered == nil { recipients.formUnion(try writer.users(agency: agency).map(\.id)) }
        for userID in recipients.sorted() { try writer.save(NoticeRecipient(noticeID: notice.id, userID: userID)) }
        var details = [
            "symbol": symbol, "kind": kind.rawValue, "session": sessionID ?? "", "document": document.id, "sha256": document.sha256,
            "recipients": String(recipients.count), "backEntered": String(notice.backEntered),
        ]
        // The agenda version it announces: an agenda-change notice covers the versions since.
        if let agendaVersion { details["agendaVersion"] = String(agendaVersion) }
        try audit.record(writer, actor: actor.id, action: .noticeIssue, subject: notice.id, details: details)
        return notice
    }

    static func title(_ kind: NoticeKind, session: Session) -> String {
        switch kind {
        case .invitation: "Giấy mời: \(session.title)"
        case .agendaChange: "Thông báo thay đổi chương trình: \(session.title)"
        case .conclusion: "Thông báo kết luận: \(session.title)"
        case .reminder: "Nhắc việc: \(session.title)"
        }
    }

    /// What a session's notice says below its heading: the session, the note, and the agenda or
    /// the conclusions.
    private func render(_ kind: NoticeKind, session: Session, note: String?, in reader: any StorageReader) throws -> String {
        let when = Timestamp.string(session.startsAt)
        var content = """
            <p>Phiên họp thứ \(session.number): \(HTML.escape(session.title))<br>
            Thời gian: \(when)\(session.location.map { "<br>Địa điểm: \(HTML.escape($0))" } ?? "")</p>

            """
        if let note { content += "<p>\(HTML.escape(note).replacingOccurrences(of: "\n", with: "<br>\n"))</p>\n" }
        switch kind {
        case .invitation, .agendaChange:
            let items = NumberedAgendaItem.outline(try reader.agendaItems(sessionID: session.id))
            content += "<h2>Chương trình (version \(session.agendaVersion))</h2>\n<ol class=\"agenda\">\n"
            for numbered in items {
                let item = numbered.item
                content += "<li>\(numbered.number). \(HTML.escape(item.title))"
                    + (item.presenter.map { " — \(HTML.escape($0))" } ?? "")
                    + (item.plannedMinutes.map { " (\($0) min)" } ?? "") + "</li>\n"
            }
            content += "</ol>\n"
        case .reminder:
            break
        case .conclusion:
            let items = Dictionary(
                NumberedAgendaItem.outline(try reader.agendaItems(sessionID: session.id)).map { ($0.item.id, $0) },
                uniquingKeysWith: { first, _ in first })
            for conclusion in try reader.conclusions(sessionID: session.id) {
                if let item = conclusion.agendaItemID.flatMap({ items[$0] }) {
                    content += "<h2>\(item.number). \(HTML.escape(item.item.title))</h2>\n"
                }
                content += "<p>\(HTML.escape(conclusion.text))</p>\n"
                if !conclusion.tasks.isEmpty {
                    content += "<table><tr><th>nhiệm vụ</th><th>chủ trì</th><th>phối hợp</th><th>thời hạn</th></tr>\n"
                    for task in conclusion.tasks {
                        content += "<tr><td>\(HTML.escape(task.title))</td><td>\(HTML.escape(task.leadAgency))</td>"
                            + "<td>\(HTML.escape(task.coordinatingAgencies.joined(separator: ", ")))</td><td>\(task.deadline)</td></tr>\n"
                    }
                    content += "</table>\n"
                }
            }
        }
        return content
    }
}
