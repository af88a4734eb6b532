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
}
