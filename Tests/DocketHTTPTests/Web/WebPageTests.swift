import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
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
                uri: "/tasks/\(task.id)/progress", method: .post, headers: post, body: Self.form(["csrf": csrf, "percent": "abc", "text": "x"])
            ) { response in
                #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Thông tin chưa đúng"))
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
}
