import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SessionRouteTests {
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
