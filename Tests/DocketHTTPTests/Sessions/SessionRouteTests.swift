import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SessionRouteTests {
    /// A session held before Docket and its conclusion notice from paper: entered with their real
    /// dates and number, valid against the spec, delivered to no one.
    @Test func aPastSessionAndItsPaperNoticeAreEnteredAndDeliverNothing() async throws {
        let fixture = try await HTTPFixture()
        let (store, sessions) = (fixture.store, fixture.store.docket.sessions)
        _ = try await sessions.createBody(
            NewBody(name: "Ban Chỉ đạo Chuyển đổi số", code: "BCĐCĐS", numbering: .party, term: "2020-2025"), as: store.clerk)
        let samples = try await fixture.application.test(.router) { client in
            var samples: [(String, Data)] = []
            func send(_ uri: String, as role: Role, _ body: String?, expect status: HTTPResponse.Status, schema: String? = nil) async throws -> [String: Any] {
                let (json, data) = try await client.execute(
                    uri: uri, method: body == nil ? .get : .post, headers: fixture.headers(role), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(uri): \(String(buffer: response.body))")
                    return (try response.json(), Data(buffer: response.body))
                }
                if let schema { samples.append((schema, data)) }
                return json
            }
            let session = try await send(
                "/api/v1/sessions", as: .clerk,
                #"{"body":"BCĐCĐS","title":"Phiên họp thứ nhất","startsAt":"10/03/2025 08:00","backEntered":true}"#,
                expect: .created, schema: "Session")
            #expect(session["backEntered"] as? Bool == true && session["startsAt"] as? String == "2025-03-10T01:00:00.000Z")
            let id = try #require(session["id"] as? String)
            _ = try await sessions.invite(id, user: "chair", role: .chair, as: store.clerk)
            _ = try await sessions.invite(id, user: "delegate", role: .member, as: store.clerk)
            _ = try await sessions.advance(id, to: .scheduled, as: store.clerk)
            _ = try await sessions.advance(id, to: .open, as: store.clerk)
            _ = try await sessions.addConclusion(id, NewConclusion(text: "Thống nhất kế hoạch"), as: store.clerk)
            let addressed = try await send(
                "/api/v1/notices", as: .clerk,
                #"{"session":"\#(id)","kind":"conclusion","backEntered":true,"date":"15/03/2025","users":["delegate"]}"#,
                expect: .unprocessableContent)
            #expect((addressed["error"] as? [String: Any])?["field"] as? String == "to")
            let notice = try await send(
                "/api/v1/notices", as: .clerk, #"{"session":"\#(id)","kind":"conclusion","backEntered":true,"number":1,"date":"15/03/2025"}"#,
                expect: .created, schema: "Notice")
            #expect(notice["symbol"] as? String == "01-TB/BCĐCĐS" && notice["backEntered"] as? Bool == true)
            #expect(notice["issuedAt"] as? String == "2025-03-14T17:00:00.000Z")
            let inbox = try await send("/api/v1/me/notices", as: .delegate, nil, expect: .ok)
            #expect((inbox["items"] as? [Any])?.isEmpty == true)
            return samples
        }
        for (index, (schema, body)) in samples.enumerated() {
            let path = try store.directory.write(body, to: "past-session-sample-\(index).json")
            let result = try Command.run("python3", ["-c", OpenAPIContractTests.validator, OpenAPIContractTests.specPath, schema, path])
            #expect(result.status == 0, "\(schema): \(result.stderr)")
        }
    }

    @Test func aClerkWalksASessionThroughItsLifecycleAndIllegalStepsAre409() async throws {
        let fixture = try await HTTPFixture()
        let session = try await fixture.sampleSession()
        try await fixture.application.test(.router) { client in
            let uri = "/api/v1/sessions/\(session.id)/state"
            try await client.execute(uri: uri, method: .post, headers: fixture.headers(.clerk), body: ByteBuffer(string: #"{"state":"open"}"#)) { response in
                #expect(response.status == .conflict)
                #expect(response.errorBody?.message.contains("only a scheduled session can become open") == true)
                #expect(response.errorBody?.field == "state")
            }
            for state in ["scheduled", "open", "closed", "archived"] {
                try await client.execute(uri: uri, method: .post, headers: fixture.headers(.clerk), body: ByteBuffer(string: #"{"state":"\#(state)"}"#)) { response in
                    #expect(response.status == .ok)
                    let json = try response.json()
                    #expect(json["state"] as? String == state)
                }
            }
            try await client.execute(uri: uri, method: .post, headers: fixture.headers(.clerk), body: ByteBuffer(string: #"{"state":"paused"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorBody?.field == "state")
            }
        }
        let events = try await fixture.store.docket.auditLog.list(AuditFilter(subject: session.id), page: .first, as: fixture.store.auditor)
        #expect(events.items.map(\.action) == ["session.create", "session.invite", "session.scheduled", "session.open", "session.closed", "session.archived"])
    }

    @Test func theRosterIsKeptOverHTTPUnderAPercentEncodedCodeAndTheQuorumCountsIt() async throws {
        let fixture = try await HTTPFixture()
        let session = try await fixture.sampleSession()
        let members = "/api/v1/bodies/BC%C4%90C%C4%90S/members"  // BCĐCĐS, as a client encodes it
        try await fixture.application.test(.router) { client in
            for user in ["chair", "delegate"] {
                try await client.execute(uri: "\(members)/\(user)", method: .put, headers: fixture.headers(.clerk)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: members, method: .get, headers: fixture.headers(.auditor)) { response in
                let roster = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(roster?.compactMap { $0["username"] as? String } == ["chair", "delegate"])
            }
            try await client.execute(uri: "\(members)/nobody", method: .delete, headers: fixture.headers(.clerk)) { response in
                #expect(response.status == .notFound && response.errorBody?.field == "user")
            }
            try await client.execute(uri: "/api/v1/sessions/\(session.id)/attendance", method: .get, headers: fixture.headers(.clerk)) { response in
                let json = try response.json()
                #expect(json["quorumBasis"] as? String == "body roster" && json["entitled"] as? Int == 2 && json["quorum"] as? Bool == false)
            }
        }
    }
}
