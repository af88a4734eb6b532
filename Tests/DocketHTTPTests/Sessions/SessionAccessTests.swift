import DocketCore
import DocketHTTP
import DocketPack
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SessionAccessTests {
    /// The prepared session, plus a delegate who is not invited and a token for them.
    func fixture() async throws -> (HTTPFixture, TestStore.PreparedSession, outsider: HTTPFields) {
        let fixture = try await HTTPFixture()
        let prepared = try await fixture.store.preparedSession(open: true)
        _ = try await fixture.store.docket.users.add(NewUser(username: "outsider", roles: [.delegate], clearance: .topSecret), as: fixture.store.admin)
        let token = try await fixture.store.docket.users.createToken(for: "outsider", expiresInDays: 1, as: fixture.store.admin).token
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        return (fixture, prepared, headers)
    }

    @Test func aDelegateNotInvitedFindsNothingOfTheSession() async throws {
        let (fixture, prepared, outsider) = try await fixture()
        let id = prepared.session.id
        try await fixture.application.test(.router) { client in
            for path in [
                "/api/v1/sessions/\(id)", "/api/v1/sessions/\(id)/agenda", "/api/v1/sessions/\(id)/pack",
                "/api/v1/sessions/\(id)/attendance", "/api/v1/sessions/\(id)/participants",
                "/api/v1/documents/\(prepared.openDocument.id)", "/api/v1/documents/\(prepared.openDocument.id)/content",
            ] {
                try await client.execute(uri: path, method: .get, headers: outsider) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.errorBody?.code == "not_found")
                }
            }
            try await client.execute(uri: "/api/v1/sessions/\(id)/check-in", method: .post, headers: outsider) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/sessions", method: .get, headers: outsider) { response in
                let json = try response.json()
                #expect(json["total"] as? Int == 0)
            }
            // The invited delegate sees the session, reads the open document, never the secret one.
            try await client.execute(uri: "/api/v1/sessions", method: .get, headers: fixture.headers(.delegate)) { response in
                let json = try response.json()
                #expect(json["total"] as? Int == 1)
            }
            try await client.execute(uri: "/api/v1/documents/\(prepared.openDocument.id)/content", method: .get, headers: fixture.headers(.delegate)) {
                #expect($0.status == .ok)
                #expect($0.body.readableBytes == Int(prepared.openDocument.size))
            }
            try await client.execute(uri: "/api/v1/documents/\(prepared.secretDocument.id)/content", method: .get, headers: fixture.headers(.delegate)) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func anAuditorsAttemptsToChangeASessionAreRefusedAndChangeNothing() async throws {
        let (fixture, prepared, _) = try await fixture()
        let id = prepared.session.id
        let before = try await fixture.store.docket.auditLog.verify(as: fixture.store.auditor).eventsChecked
        try await fixture.application.test(.router) { client in
            for (method, path, body) in [
                (HTTPRequest.Method.post, "/api/v1/sessions/\(id)/agenda", #"{"title":"x"}"#),
                (.patch, "/api/v1/sessions/\(id)/agenda/1", #"{"title":"x"}"#),
                (.delete, "/api/v1/sessions/\(id)/agenda/1", ""),
                (.post, "/api/v1/sessions/\(id)/attendance", #"{"user":"chair","status":"present"}"#),
                (.post, "/api/v1/sessions/\(id)/conclusions", #"{"text":"x"}"#),
                (.post, "/api/v1/sessions/\(id)/participants", #"{"user":"auditor"}"#),
                (.post, "/api/v1/sessions/\(id)/state", #"{"state":"closed"}"#),
                (.post, "/api/v1/notices", #"{"session":"\#(id)","kind":"invitation"}"#),
                (.post, "/api/v1/agencies", #"{"code":"X","name":"x"}"#),
            ] {
                try await client.execute(uri: path, method: method, headers: fixture.headers(.auditor), body: ByteBuffer(string: body)) {
                    #expect($0.status == .forbidden, "\(method) \(path)")
                }
            }
        }
        #expect(try await fixture.store.docket.auditLog.verify(as: fixture.store.auditor).eventsChecked == before)
        #expect(try await fixture.store.docket.sessions.get(id, as: fixture.store.clerk).state == .open)
    }

    @Test func fiftyNoticesIssuedAtOnceGetFiftyConsecutiveNumbers() async throws {
        let (fixture, prepared, _) = try await fixture()
        let id = prepared.session.id
        _ = try await fixture.store.docket.sessions.addConclusion(id, NewConclusion(text: "Kết luận"), as: fixture.store.clerk)
        let answers = try await fixture.application.test(.live) { client in
            try await fixture.sendAtOnce(
                50, port: try #require(client.port), path: "/api/v1/notices", method: "POST", as: .clerk,
                body: #"{"session":"\#(id)","kind":"conclusion"}"#
            )
        }
        #expect(answers.map(\.status) == Array(repeating: 201, count: 50))
        let numbers = try answers.map { answer in
            try #require((try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["number"] as? Int)
        }
        #expect(numbers.sorted() == Array(1...50))
        let register = try await fixture.store.docket.notices.register(body: "BCĐCĐS", page: Page(limit: 100, offset: 0), as: fixture.store.auditor)
        #expect(register.items.filter { $0.type == "TB" }.map(\.number).sorted() == Array(1...50))
        #expect(register.items.contains { $0.symbol == "50-TB/BCĐCĐS" })
    }

    @Test func aDelegateChecksInDownloadsTheirPackAndReadsTheirNotices() async throws {
        let (fixture, prepared, _) = try await fixture()
        let id = prepared.session.id
        let packPath = fixture.store.directory.file("downloaded.zip")
        let samples = try await fixture.application.test(.live) { client in
            var samples: [(String, Data)] = []
            try await client.execute(uri: "/api/v1/sessions/\(id)/check-in", method: .post, headers: fixture.headers(.delegate)) { response in
                #expect(response.status == .ok)
                samples.append(("Participant", Data(buffer: response.body)))
            }
            try await client.execute(uri: "/api/v1/sessions/\(id)/pack", method: .get, headers: fixture.headers(.delegate)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                try Data(buffer: response.body).write(to: URL(fileURLWithPath: packPath))
            }
            let inbox = try await client.execute(uri: "/api/v1/me/notices", method: .get, headers: fixture.headers(.delegate)) { response in
                samples.append(("NoticeDeliveryPage", Data(buffer: response.body)))
                return try response.json()
            }
            let first = try #require((inbox["items"] as? [[String: Any]])?.first?["notice"] as? [String: Any])
            let noticeID = try #require(first["id"] as? String)
            try await client.execute(uri: "/api/v1/me/notices/\(noticeID)", method: .get, headers: fixture.headers(.delegate)) { response in
                samples.append(("OpenedNotice", Data(buffer: response.body)))
                let json = try response.json()
                #expect(json["readAt"] != nil)
                #expect(((json["proof"] as? [String: Any])?["checkpoint"] as? String)?.hasPrefix("docket.audit/") == true)
            }
            for (path, schema) in [
                ("/api/v1/sessions/\(id)/attendance", "AttendanceReport"), ("/api/v1/sessions/\(id)/agenda", "Agenda"),
                ("/api/v1/notices/\(noticeID)", "NoticeReceipts"), ("/api/v1/register?body=" + "BCĐCĐS".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, "NoticePage"),
                ("/api/v1/sessions/\(id)", "Session"), ("/api/v1/bodies", "BodyPage"),
            ] {
                try await client.execute(uri: path, method: .get, headers: fixture.headers(.clerk)) { response in
                    #expect(response.status == .ok, "\(path)")
                    samples.append((schema, Data(buffer: response.body)))
                }
            }
            return samples
        }
        let report = try PackCheck.verify(packAt: packPath, caPath: fixture.store.rootPath)
        #expect(report.valid, "\(report.problems)")
        #expect(report.files.contains { $0.path == "documents/Tờ trình.pdf" })
        #expect(!report.files.contains { $0.path.contains(prepared.secretDocument.id) })
        for (index, (schema, body)) in samples.enumerated() {
            let path = try fixture.store.directory.write(body, to: "session-sample-\(index).json")
            let result = try Command.run(
                "python3", ["-c", OpenAPIContractTests.validator, OpenAPIContractTests.specPath, schema, path])
            #expect(result.status == 0, "\(schema): \(result.stderr)")
        }
    }
}
