import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

/// The pages: signing in with a cookie, the CSRF token every form wants, and a delegate who sees
/// what is theirs and nothing else.
@Suite struct WebPageTests {
    /// The value of `name="csrf"` in a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func cookie(_ name: String, in response: TestResponse) -> (value: String, attributes: String)? {
        for header in response.headers[values: .setCookie] where header.hasPrefix("\(name)=") {
            let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
            return (String(value), header)
        }
        return nil
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(string: fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func signingInSetsAStrictHttpOnlyCookieAndSigningOutEndsIt() async throws {
        let fixture = try await HTTPFixture()
        try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/sessions", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
            }
            let (token, page) = try await client.execute(uri: "/sign-in", method: .get) { response in
                #expect(response.status == .ok)
                // No script or style from anywhere but docket itself, no framing.
                let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(policy)")
                return (Self.cookie("docket_signin", in: response), String(buffer: response.body))
            }
            let signIn = try #require(token)
            #expect(signIn.attributes.contains("HttpOnly") && signIn.attributes.contains("SameSite=Strict"))
            #expect(Self.csrf(in: page) == signIn.value && page.contains(#"<html lang="vi">"#) && page.contains("Mật khẩu"))
            var headers = Self.formType
            headers[.cookie] = "docket_signin=\(signIn.value)"
            for (fields, status) in [
                (["username": "clerk", "password": "clerk-password"], HTTPResponse.Status.forbidden),  // no token
                (["username": "clerk", "password": "clerk-password", "csrf": "forged"], .forbidden),
                (["username": "clerk", "password": "wrong", "csrf": signIn.value], .unauthorized),
            ] {
                try await client.execute(uri: "/sign-in", method: .post, headers: headers, body: Self.form(fields)) { response in
                    #expect(response.status == status, "\(fields)")
                    #expect(Self.cookie("docket_session", in: response) == nil)
                }
            }
            let session = try await client.execute(
                uri: "/sign-in", method: .post, headers: headers,
                body: Self.form(["username": "clerk", "password": "clerk-password", "csrf": signIn.value])
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/sessions")
                return Self.cookie("docket_session", in: response)
            }
            let cookie = try #require(session)
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="] {
                #expect(cookie.attributes.contains(attribute), "\(cookie.attributes)")
            }
            #expect(!cookie.attributes.contains("Secure"))  // plain HTTP here; behind TLS the proxy says so
            let signedIn: HTTPFields = [.cookie: "docket_session=\(cookie.value)"]
            let list = try await client.execute(uri: "/sessions", method: .get, headers: signedIn) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/html; charset=utf-8")
                return String(buffer: response.body)
            }
            #expect(list.contains("Phiên họp của tôi") && list.contains("Đăng xuất (clerk)"))
            var out = signedIn
            out[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/sign-out", method: .post, headers: out, body: Self.form([:])) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/sign-out", method: .post, headers: out, body: Self.form(["csrf": try #require(Self.csrf(in: list))])
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
            }
            // The token behind the cookie is revoked: the same cookie gets the sign-in page again.
            try await client.execute(uri: "/sessions", method: .get, headers: signedIn) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
            }
        }
    }

    @Test func aDelegateChecksInOnTheirSessionPageAndFindsNothingOfAnother() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        let prepared = try await store.preparedSession(open: true)
        let id = prepared.session.id
        let other = try await store.docket.sessions.create(
            NewSession(body: "BCĐCĐS", title: "Phiên họp kín", startsAt: prepared.session.startsAt), as: store.clerk)
        _ = try await store.docket.sessions.invite(other.id, user: "chair", role: .chair, as: store.clerk)
        _ = try await store.docket.sessions.advance(other.id, to: .scheduled, as: store.clerk)
        let delegate: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.delegate]))"]
        try await fixture.application.test(.router) { client in
            func page(_ uri: String, _ headers: HTTPFields = delegate) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
            }
            let (_, list) = try await page("/sessions")
            #expect(list.contains("Phiên họp thứ nhất") && !list.contains("Phiên họp kín"))
            let (status, before) = try await page("/sessions/\(id)")
            #expect(status == .ok)
            #expect(before.contains("Khai mạc") && before.contains("Tờ trình.pdf") && before.contains("đã ký số"))
            #expect(!before.contains("Báo cáo mật"), "a secret document is not even named to a delegate")
            #expect(before.contains("Chưa điểm danh") && before.contains(#"id="check-in""#))
            #expect(before.contains("08:00 ngày 10/03/2025"))
            var post = delegate
            post[.contentType] = "application/x-www-form-urlencoded"
            for fields in [[:], ["csrf": "forged"]] {
                try await client.execute(uri: "/sessions/\(id)/check-in", method: .post, headers: post, body: Self.form(fields)) { response in
                    #expect(response.status == .forbidden)
                }
            }
            #expect(try await store.docket.sessions.participants(id, as: store.clerk).first { $0.username == "delegate" }?.status == .invited)
            try await client.execute(
                uri: "/sessions/\(id)/check-in", method: .post, headers: post, body: Self.form(["csrf": try #require(Self.csrf(in: before))])
            ) { response in
                #expect(response.status == .seeOther)
            }
            let (_, after) = try await page("/sessions/\(id)?done=check-in")
            #expect(after.contains("Đã điểm danh.") && after.contains("Có mặt") && !after.contains(#"id="check-in""#))
            #expect(try await store.docket.sessions.participants(id, as: store.clerk).first { $0.username == "delegate" }?.status == .present)

            // The fragment the page's script polls: the counts the page shows, and nothing of another session.
            let (_, counts) = try await page("/sessions/\(id)/quorum")
            #expect(after.contains(counts) && counts.hasPrefix("Có mặt: "), "\(counts)")
            #expect(try await page("/sessions/\(other.id)/quorum").0 == .notFound)
            let (hidden, hiddenPage) = try await page("/sessions/\(other.id)")
            #expect(hidden == .notFound && !hiddenPage.contains("Phiên họp kín") && hiddenPage.contains("Không tìm thấy"))
            let (secret, _) = try await page("/documents/\(prepared.secretDocument.id)")
            #expect(secret == .notFound)
            try await client.execute(uri: "/sessions/\(id)/pack", method: .get, headers: delegate) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/zip")
            }
            // The invitation is in the inbox; opening it shows the signed notice and records the reading.
            let (_, inbox) = try await page("/notices")
            #expect(inbox.contains("01-GM/BCĐCĐS") && inbox.contains("chưa đọc"))
            let noticeID = try #require(try await store.docket.notices.inbox(page: .first, as: store.delegate).items.first?.notice.id)
            let (opened, notice) = try await page("/notices/\(noticeID)")
            #expect(opened == .ok && notice.contains("Số 01-GM/BCĐCĐS"))
            #expect(try await store.docket.notices.receipts(noticeID, as: store.clerk).read == 1)
        }
    }

    @Test func aDelegateReportsProgressOnTheirAgencysTaskOnly() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        _ = try await store.supervisedPlan()
        _ = try await store.docket.users.add(NewUser(username: "mai", roles: [.delegate], agency: "STTTT"), as: store.admin)
        let token = try await store.docket.users.createToken(for: "mai", expiresInDays: 1, as: store.admin).token
        let mai: HTTPFields = [.cookie: "docket_session=\(token)"]
        try await fixture.application.test(.router) { client in
            let tasks = try await client.execute(uri: "/tasks", method: .get, headers: mai) { String(buffer: $0.body) }
            #expect(tasks.contains("Nhiệm vụ 3") && !tasks.contains("Nhiệm vụ 1.1"), "only STTTT's tasks")
            let task = try #require(try await store.docket.tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk).items.first { $0.code == "3" })
            var post = mai
            post[.contentType] = "application/x-www-form-urlencoded"
            let csrf = try #require(Self.csrf(in: tasks))
            try await client.execute(
                uri: "/tasks/\(task.id)/progress", method: .post, headers: post, body: Self.form(["csrf": csrf, "percent": "abc", "text": "Đã khảo sát một nửa"])
            ) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .unprocessableContent && page.contains("Thông tin chưa đúng") && page.contains("Trường percent"))
                #expect(page.contains(#"value="abc""#) && page.contains(">Đã khảo sát một nửa</textarea>"), "the form keeps what was typed")
            }
            try await client.execute(
                uri: "/tasks/\(task.id)/progress", method: .post, headers: post,
                body: Self.form(["csrf": csrf, "percent": "30", "text": "Đã khảo sát hạ tầng"])
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/tasks?done=progress")
            }
            let other = try #require(try await store.docket.tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk).items.first { $0.code == "2.2" })
            try await client.execute(
                uri: "/tasks/\(other.id)/progress", method: .post, headers: post, body: Self.form(["csrf": csrf, "percent": "30", "text": "x"])
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        let reported = try await store.docket.tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk).items
        #expect(reported.first { $0.code == "3" }?.percent == 30 && reported.first { $0.code == "2.2" }?.percent == 0)
    }

    /// A multipart body with text fields and one file.
    static func multipart(_ fields: [String: String], file: (name: String, filename: String, data: Data)?, boundary: String = "docket-test-boundary")
        -> (HTTPFields, ByteBuffer)
    {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(bytes: body))
    }

    @Test func aClerkRegistersAnArrivedDocumentWithItsFileAndFindsItWithoutDiacritics() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        _ = try await store.docket.records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false), as: store.clerk)
        let clerk: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.clerk]))"]
        let delegate: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.delegate]))"]
        let original = Data("%PDF-1.4 công văn về chuyển đổi số".utf8)
        try await fixture.application.test(.router) { client in
            let form = try await client.execute(uri: "/incoming/new", method: .get, headers: clerk) { String(buffer: $0.body) }
            let csrf = try #require(Self.csrf(in: form))
            let fields = ["register": "DEN", "sender": "Tỉnh ủy Hà Giang", "senderSymbol": "12-CV/TU", "summary": "Về việc chuyển đổi số", "deadline": "20/03/2030"]
            for token in [nil, "forged"] {
                var (headers, body) = Self.multipart(fields.merging(token.map { ["csrf": $0] } ?? [:]) { $1 }, file: ("file", "cv12.pdf", original))
                headers[.cookie] = clerk[.cookie]
                try await client.execute(uri: "/incoming", method: .post, headers: headers, body: body) { #expect($0.status == .forbidden) }
            }
            // A date that does not exist: the form comes back with the field named and the input kept.
            var (headers, body) = Self.multipart(fields.merging(["csrf": csrf, "deadline": "31/02/2030"]) { $1 }, file: ("file", "cv12.pdf", original))
            headers[.cookie] = clerk[.cookie]
            let again = try await client.execute(uri: "/incoming", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .unprocessableContent)
                return String(buffer: response.body)
            }
            #expect(again.contains("Trường deadline") && again.contains(#"value="12-CV/TU""#) && again.contains(#"value="31/02/2030""#), "\(again)")
            #expect(try await store.docket.records.entries(register: "DEN", year: nil, page: .first, as: store.auditor).items.isEmpty)
            #expect(try store.storedBlobs().small == 0, "the refused form stored no content")
            (headers, body) = Self.multipart(fields.merging(["csrf": csrf]) { $1 }, file: ("file", "cv12.pdf", original))
            headers[.cookie] = clerk[.cookie]
            let location = try await client.execute(uri: "/incoming", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .seeOther, "\(String(buffer: response.body))")
                return response.headers[.location]
            }
            let entryPage = try await client.execute(uri: try #require(location), method: .get, headers: clerk) { String(buffer: $0.body) }
            #expect(entryPage.contains("Văn bản đến số 1/") && entryPage.contains("Đã vào sổ.") && entryPage.contains("20/03/2030"))
            let entry = try #require(try await store.docket.records.entries(register: "DEN", year: nil, page: .first, as: store.auditor).items.first)
            let (_, content) = try await store.docket.documents.content(try #require(entry.documentID), as: store.clerk)
            #expect(try content.data() == original, "the original is kept byte for byte")

            let found = try await client.execute(uri: "/search?q=chuyen%20doi%20so", method: .get, headers: clerk) { String(buffer: $0.body) }
            #expect(found.contains("1 kết quả") && found.contains("<mark>chuyển</mark>"), "\(found)")
            let sheet = try await client.execute(uri: "/registers/DEN", method: .get, headers: clerk) { String(buffer: $0.body) }
            #expect(sheet.contains("<th scope=\"col\">Số đến</th>") && sheet.contains("<td>12-CV/TU</td>"))
            for uri in ["/registers", "/registers/DEN", "/incoming/new"] {
                try await client.execute(uri: uri, method: .get, headers: delegate) { response in
                    #expect(response.status == .forbidden, "\(uri)")
                }
            }
            let hidden = try await client.execute(uri: "/search?q=chuyen%20doi%20so", method: .get, headers: delegate) { String(buffer: $0.body) }
            #expect(hidden.contains("0 kết quả") && !hidden.contains("12-CV/TU"), "a delegate finds only what they handle")
        }
    }

    /// The processing path from the entry's page: each reader is offered only the steps the
    /// service would accept from them; bad input comes back with the field named and the text kept.
    @Test func anIncomingDocumentIsProcessedFromItsPageByClerkLeaderAndHandler() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        _ = try await store.docket.records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false), as: store.clerk)
        let entry = try await store.docket.records.registerIncoming(
            NewIncoming(register: "DEN", sender: "Tỉnh ủy Hà Giang", senderSymbol: "12-CV/TU", summary: "Về việc chuyển đổi số", deadline: CalendarDate("2030-03-20")),
            original: nil, as: store.clerk)
        var signedIn: [Role: HTTPFields] = [:]
        for role in [Role.clerk, .chair, .delegate] { signedIn[role] = [.cookie: "docket_session=\(try #require(fixture.tokens[role]))"] }
        let headers = signedIn
        try await fixture.application.test(.router) { client in
            func page(_ role: Role) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: "/entries/\(entry.id)", method: .get, headers: headers[role] ?? [:]) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            func send(_ step: String, _ fields: [String: String], as role: Role, csrf: String?) async throws -> (HTTPResponse.Status, String) {
                var sent = Self.formType
                sent[.cookie] = headers[role]?[.cookie]
                return try await client.execute(
                    uri: "/entries/\(entry.id)/\(step)", method: .post, headers: sent,
                    body: Self.form(fields.merging(csrf.map { ["csrf": $0] } ?? [:]) { $1 })
                ) { ($0.status, String(buffer: $0.body)) }
            }
            var (status, html) = try await page(.clerk)
            #expect(status == .ok && html.contains("form-submit") && !html.contains("form-direct") && html.contains("Đã vào sổ"))
            #expect(try await page(.delegate).0 == .notFound, "not theirs yet")
            #expect(try await send("submit", ["leader": "chair"], as: .clerk, csrf: nil).0 == .forbidden)
            #expect(try await send("submit", ["leader": "chair"], as: .clerk, csrf: Self.csrf(in: html)).0 == .seeOther)

            (status, html) = try await page(.chair)
            #expect(html.contains("form-direct") && !html.contains("form-submit") && html.contains("Đã trình lãnh đạo"))
            let csrf = Self.csrf(in: html)
            (status, html) = try await send(
                "direct", ["text": "Giao Sở TT chủ trì", "handler": "delegate", "deadline": "01/01/2020"], as: .chair, csrf: csrf)
            #expect(status == .unprocessableContent)
            #expect(html.contains("Trường deadline") && html.contains(">Giao Sở TT chủ trì</textarea>"), "\(html)")
            #expect(try await store.docket.records.entry(entry.id, as: store.auditor).steps.count == 2, "nothing was recorded")
            #expect(try await send("direct", ["text": "Giao Sở TT chủ trì", "handler": "delegate", "deadline": "15/03/2030"], as: .chair, csrf: csrf).0 == .seeOther)

            let queue = try await client.execute(uri: "/queue", method: .get, headers: headers[.delegate] ?? [:]) { String(buffer: $0.body) }
            #expect(queue.contains("12-CV/TU") && queue.contains("15/03/2030"))
            (status, html) = try await page(.delegate)
            #expect(status == .ok && html.contains("form-opinion") && html.contains("form-done") && !html.contains("form-direct"))
            let mine = Self.csrf(in: html)
            #expect(try await send("opinion", ["text": "Đã dự thảo văn bản trả lời"], as: .delegate, csrf: mine).0 == .seeOther)
            #expect(try await send("direct", ["text": "x", "handler": "delegate"], as: .delegate, csrf: mine).0 == .forbidden)
            #expect(try await send("done", ["note": "Đã trả lời bằng điện thoại"], as: .delegate, csrf: mine).0 == .seeOther)
            (status, html) = try await page(.clerk)
            #expect(html.contains("Đã xử lý xong") && html.contains("Đã trả lời bằng điện thoại") && !html.contains("form-done"))
        }
        let steps = try await store.docket.records.entry(entry.id, as: store.auditor).steps.map(\.kind)
        #expect(steps == [.register, .submit, .direct, .opinion, .done])
    }

    /// A clerk files an entry in a dossier and closes it from its page; search narrows by facets.
    @Test func aClerkFilesInADossierClosesItAndNarrowsASearchByFacets() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        let records = store.docket.records
        _ = try await store.docket.agencies.create(code: "VP", name: "Văn phòng", as: store.clerk)
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false), as: store.clerk)
        let year = store.docket.configuration.today().year
        let plan = try await records.createPlan(
            try NewFilingPlan(unit: "VP", year: year, headings: [("03", "Hồ sơ công văn đến", "5", nil)]), as: store.clerk)
        _ = try await records.approvePlan(plan.id, as: store.chair)
        let dossier = try await records.openDossier(unit: "VP", year: year, heading: "03", title: "Công văn về chuyển đổi số", as: store.clerk)
        let letter = try await records.registerIncoming(
            NewIncoming(register: "DEN", sender: "Tỉnh ủy Hà Giang", senderSymbol: "12-CV/TU", summary: "Về việc chuyển đổi số"),
            original: .content(NewDocument(title: "Công văn 12", filename: "cv12.txt")) { writer in
                try Data("Chuyển đổi số".utf8).withUnsafeBytes { try writer.write($0) }
            }, as: store.clerk)
        _ = try await records.registerIncoming(
            NewIncoming(register: "DEN", sender: "Sở Nội vụ", senderSymbol: "7-KH/SNV", summary: "Kế hoạch chuyển đổi số năm sau"),
            original: nil, as: store.clerk)
        let clerk: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.clerk]))"]
        let delegate: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.delegate]))"]
        try await fixture.application.test(.router) { client in
            func get(_ uri: String, _ headers: HTTPFields = clerk) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
            }
            func post(_ uri: String, _ fields: [String: String]) async throws -> (HTTPResponse.Status, String) {
                var headers = Self.formType
                headers[.cookie] = clerk[.cookie]
                return try await client.execute(uri: uri, method: .post, headers: headers, body: Self.form(fields)) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            let (_, list) = try await get("/dossiers")
            #expect(list.contains(dossier.code) && list.contains("Đang mở"))
            #expect(try await get("/dossiers", delegate).0 == .forbidden)
            #expect(try await get("/dossiers/\(dossier.code)", delegate).0 == .notFound)
            var (status, page) = try await get("/dossiers/\(dossier.code)")
            #expect(status == .ok && page.contains("form-file") && page.contains("5 năm"))
            let csrf = try #require(Self.csrf(in: page))
            (status, page) = try await post("/dossiers/\(dossier.code)/items", ["csrf": csrf, "entry": "ent-khong-co", "note": "bản chính"])
            #expect(status == .notFound || status == .unprocessableContent)
            #expect(page.contains(#"value="ent-khong-co""#) && page.contains(#"value="bản chính""#), "the form comes back with what was typed")
            #expect(try await post("/dossiers/\(dossier.code)/items", ["entry": letter.id]).0 == .forbidden, "no CSRF token")
            #expect(try await post("/dossiers/\(dossier.code)/items", ["csrf": csrf, "entry": letter.id]).0 == .seeOther)
            #expect(try await post("/dossiers/\(dossier.code)/close", ["csrf": csrf]).0 == .seeOther)
            (status, page) = try await get("/dossiers/\(dossier.code)?done=close")
            #expect(page.contains("Công văn 12") && page.contains("Đã đóng") && !page.contains("form-file") && !page.contains("form-close"))
            #expect(try await records.dossier(dossier.code, as: store.auditor).items.map(\.documentID) == [letter.documentID])

            // Two letters found without diacritics; the sender facet narrows to one, and the chosen filter can be removed.
            (status, page) = try await get("/search?q=chuyen%20doi%20so")
            #expect(page.contains("2 kết quả") && page.contains(#"id="facets""#) && page.contains("Sở Nội vụ") && page.contains("Đã vào sổ"))
            let narrowed = try #require(page.range(of: #"href="/search?q=chuyen%20doi%20so&amp;sender=S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5""#))
            #expect(!narrowed.isEmpty)
            (status, page) = try await get("/search?q=chuyen%20doi%20so&sender=S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5")
            #expect(page.contains("1 kết quả") && page.contains("7-KH/SNV") && !page.contains("12-CV/TU") && page.contains("bỏ lọc"))
            (status, page) = try await get("/search?q=chuyen%20doi%20so&from=31/12/2030&to=01/01/2030")
            #expect(status == .unprocessableContent && page.contains("Trường to"))
        }
    }

    @Test func anAuditorVerifiesADocumentAPackAndTheLogAndChangesNothing() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        let prepared = try await store.preparedSession(open: true)
        let auditor: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.auditor]))"]
        let delegate: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.delegate]))"]
        let pack = try Data(contentsOf: URL(fileURLWithPath: try await store.writePack(prepared.session.id, as: store.delegate)))
        var changed = pack
        changed[changed.count / 2] ^= 0xFF
        let tampered = changed
        try await fixture.application.test(.router) { client in
            let document = try await client.execute(uri: "/verify?document=\(prepared.openDocument.id)", method: .get, headers: auditor) {
                String(buffer: $0.body)
            }
            #expect(document.contains("Tờ trình.pdf: hợp lệ") && document.contains("Nội dung nguyên vẹn"), "\(document)")
            let csrf = try #require(Self.csrf(in: document))
            for (data, verdict) in [(pack, "hợp lệ"), (tampered, "KHÔNG hợp lệ")] {
                var (headers, body) = Self.multipart(["csrf": csrf], file: ("pack", "pack.zip", data))
                headers[.cookie] = auditor[.cookie]
                let page = try await client.execute(uri: "/verify/pack", method: .post, headers: headers, body: body) { String(buffer: $0.body) }
                #expect(page.contains("Bộ tài liệu pack.zip: \(verdict)"), "\(page)")
            }
            let log = try await client.execute(uri: "/verify/audit", method: .get, headers: auditor) { String(buffer: $0.body) }
            #expect(log.contains("Nhật ký nguyên vẹn"))
            try await client.execute(uri: "/verify/audit", method: .get, headers: delegate) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/verify?document=\(prepared.secretDocument.id)", method: .get, headers: delegate) {
                #expect($0.status == .notFound)
            }
            // An auditor changes nothing: the clerk's forms refuse them after the token check.
            var post = auditor
            post[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(
                uri: "/sessions/\(prepared.session.id)/check-in", method: .post, headers: post, body: Self.form(["csrf": csrf])
            ) { #expect($0.status == .notFound) }
        }
    }

    /// Every page, asked by each role: what the API allows them, and for no one without signing in.
    /// Every form the pages send is refused without its token or with a forged one, before it is
    /// read: nothing changes, not even the audit log.
    @Test func everyFormRejectsAMissingOrForgedToken() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        let prepared = try await store.preparedSession(open: true)
        let session = prepared.session.id
        let before = try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.admin).total
        let attendance = try await store.docket.sessions.participants(session, as: store.clerk).map(\.status)
        let forms = [
            "/sign-out", "/sessions/\(session)/check-in", "/sessions/\(session)/conclusion-notice", "/tasks/tsk-1/progress", "/incoming",
            "/entries/ent-1/submit", "/entries/ent-1/direct", "/entries/ent-1/opinion", "/entries/ent-1/forward", "/entries/ent-1/done",
            "/entries/ent-1/return", "/dossiers/2030.VP.HS1/items", "/dossiers/2030.VP.HS1/close", "/verify/pack",
        ]
        try await fixture.application.test(.router) { client in
            for role in [Role.delegate, .clerk, .chair, .auditor, .admin] {
                var headers = Self.formType
                headers[.cookie] = "docket_session=\(try #require(fixture.tokens[role]))"
                for form in forms {
                    for fields in [["percent": "50", "text": "x"], ["csrf": "forged", "percent": "50", "text": "x"]] {
                        try await client.execute(uri: form, method: .post, headers: headers, body: Self.form(fields)) { response in
                            #expect(response.status == .forbidden, "\(form) as \(role) with \(fields)")
                        }
                    }
                }
            }
        }
        #expect(try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.admin).total == before)
        #expect(try await store.docket.sessions.participants(session, as: store.clerk).map(\.status) == attendance)
    }

    @Test func everyPageAnswersEachRoleAsTheAPIWould() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        let prepared = try await store.preparedSession(open: true)
        _ = try await store.docket.records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false), as: store.clerk)
        let session = prepared.session.id
        // (page, delegate, auditor, clerk)
        let matrix: [(String, HTTPResponse.Status, HTTPResponse.Status, HTTPResponse.Status)] = [
            ("/sessions", .ok, .ok, .ok),
            ("/sessions/\(session)", .ok, .ok, .ok),
            ("/sessions/\(session)/pack", .ok, .ok, .ok),
            ("/sessions/\(session)/quorum", .ok, .ok, .ok),
            ("/documents/\(prepared.secretDocument.id)", .notFound, .ok, .ok),
            ("/notices", .ok, .ok, .ok),
            ("/tasks", .ok, .ok, .ok),
            ("/registers", .forbidden, .ok, .ok),
            ("/registers/DEN", .forbidden, .ok, .ok),
            ("/incoming/new", .forbidden, .forbidden, .ok),
            ("/queue", .ok, .ok, .ok),
            ("/dossiers", .forbidden, .ok, .ok),
            ("/dossiers/2030.VP.HS1", .notFound, .notFound, .notFound),
            ("/search?q=so", .ok, .ok, .ok),
            ("/verify", .ok, .ok, .ok),
            ("/verify/audit", .forbidden, .ok, .forbidden),
            ("/reports/tasks", .forbidden, .ok, .ok),
        ]
        try await fixture.application.test(.router) { client in
            for (page, delegate, auditor, clerk) in matrix {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .seeOther && response.headers[.location] == "/sign-in", "\(page) without signing in")
                }
                for (role, expected) in [(Role.delegate, delegate), (.auditor, auditor), (.clerk, clerk)] {
                    let headers: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[role]))"]
                    try await client.execute(uri: page, method: .get, headers: headers) { response in
                        #expect(response.status == expected, "\(page) as \(role)")
                    }
                }
            }
        }
    }

    @Test func aClerkSeesTheRecordIssuesTheConclusionNoticeAndReadsTheTaskReport() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        let prepared = try await store.preparedSession(open: true)
        let id = prepared.session.id
        _ = try await store.docket.sessions.addConclusion(
            id,
            NewConclusion(
                text: "Giao Văn phòng xây dựng quy chế", item: "1",
                tasks: [AssignedTask(title: "Xây dựng quy chế", leadAgency: "VPTU", deadline: "2030-06-30")]),
            as: store.clerk)
        _ = try await store.docket.sessions.checkIn(id, as: store.delegate)
        let clerk: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.clerk]))"]
        let delegate: HTTPFields = [.cookie: "docket_session=\(try #require(fixture.tokens[.delegate]))"]
        try await fixture.application.test(.router) { client in
            let record = try await client.execute(uri: "/sessions/\(id)", method: .get, headers: clerk) { String(buffer: $0.body) }
            #expect(record.contains(#"<table id="participants">"#) && record.contains("<td>delegate</td>") && record.contains("Điểm cầu Tỉnh ủy"))
            #expect(record.contains("Giao Văn phòng xây dựng quy chế") && record.contains(#"id="issue-notice""#))
            let delegatePage = try await client.execute(uri: "/sessions/\(id)", method: .get, headers: delegate) { String(buffer: $0.body) }
            #expect(!delegatePage.contains(#"<table id="participants">"#) && !delegatePage.contains("issue-notice"), "a delegate sees no one else's attendance")
            var post = clerk
            post[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/sessions/\(id)/conclusion-notice", method: .post, headers: post, body: Self.form([:])) {
                #expect($0.status == .forbidden)
            }
            let location = try await client.execute(
                uri: "/sessions/\(id)/conclusion-notice", method: .post, headers: post, body: Self.form(["csrf": try #require(Self.csrf(in: record))])
            ) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location]
            }
            let issued = try await client.execute(uri: try #require(location), method: .get, headers: clerk) { String(buffer: $0.body) }
            #expect(issued.contains("Đã phát hành thông báo kết luận số 1."))

            let report = try await client.execute(uri: "/reports/tasks?asOf=30/06/2030&by=agency", method: .get, headers: clerk) {
                String(buffer: $0.body)
            }
            #expect(report.contains("Báo cáo nhiệm vụ đến ngày 30/06/2030") && report.contains(#"<table id="report">"#))
            #expect(report.contains("<th scope=\"row\">Văn phòng Tỉnh ủy</th><td>1</td>"), "\(report)")
            #expect(report.contains("Tổng cộng") && report.contains("<svg") && report.contains(#"<option value="agency" selected>"#))
            try await client.execute(uri: "/reports/tasks/download?asOf=2030-06-30&by=agency&format=csv", method: .get, headers: clerk) { response in
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(String(buffer: response.body).contains("VPTU"))
            }
            try await client.execute(uri: "/reports/tasks?asOf=31/02/2025", method: .get, headers: clerk) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .unprocessableContent && page.contains("Thông tin chưa đúng") && page.contains("Trường asOf"))
                #expect(page.contains(#"value="31/02/2025""#), "the typed date is kept")
            }
        }
        #expect(try await store.docket.notices.register(body: "BCĐCĐS", page: .first, as: store.auditor).items.contains { $0.symbol == "01-TB/BCĐCĐS" })
    }
}

