import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// An auditor takes a checkpoint over HTTP, and later proves the log extends it.
@Suite struct AuditCheckpointRouteTests {
    @Test func aCheckpointTakenOverHTTPIsExtendedAndProved() async throws {
        let fixture = try await HTTPFixture()
        try await fixture.application.test(.router) { client in
            let note = try await client.execute(uri: "/api/v1/audit/checkpoint", method: .get, headers: fixture.headers(.auditor)) {
                response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/plain; charset=utf-8")
                return String(buffer: response.body)
            }
            #expect(note.hasPrefix("docket.audit/") && note.contains("\n\n— docket.audit/"), "\(note)")
            _ = try await fixture.sampleSession()  // the log grows
            try await client.execute(
                uri: "/api/v1/audit/verification", method: .post, headers: fixture.headers(.auditor), body: ByteBuffer(string: note)
            ) { response in
                let result = try response.json()
                #expect(response.status == .ok && result["problem"] == nil, "\(result)")
            }
            try await client.execute(
                uri: "/api/v1/audit/consistency", method: .post, headers: fixture.headers(.auditor), body: ByteBuffer(string: note)
            ) { response in
                let proof = try response.json()
                #expect(response.status == .ok, "\(proof)")
                #expect((proof["newSize"] as? Int ?? 0) > (proof["oldSize"] as? Int ?? 0))
            }
            try await client.execute(uri: "/api/v1/audit/events/1/proof", method: .get, headers: fixture.headers(.auditor)) { response in
                let proof = try response.json()
                #expect(response.status == .ok && proof["sequence"] as? Int == 1 && (proof["path"] as? [String])?.isEmpty == false)
            }
            // A checkpoint that is not one, or an event that does not exist, is named.
            try await client.execute(
                uri: "/api/v1/audit/verification", method: .post, headers: fixture.headers(.auditor),
                body: ByteBuffer(string: note.replacingOccurrences(of: "\n\n", with: "\n"))
            ) { response in
                #expect(response.status == .unprocessableContent && response.errorBody?.field == "checkpoint")
            }
            try await client.execute(uri: "/api/v1/audit/events/999999/proof", method: .get, headers: fixture.headers(.auditor)) { response in
                #expect(response.status == .notFound && response.errorBody?.field == "sequence")
            }
            // A clerk may not; the auditor's reading changes nothing.
            try await client.execute(uri: "/api/v1/audit/checkpoint", method: .get, headers: fixture.headers(.clerk)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
