import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Tokens are listed and revoked one by one, and a revoked token fails on the very next request.
@Suite struct TokenRevocationRouteTests {
    @Test func aRevokedOrSignedOutTokenFailsOnTheNextRequestAndOthersKeepWorking() async throws {
        let fixture = try await HTTPFixture()
        let spare = try await fixture.store.docket.users.createToken(for: "delegate", expiresInDays: 1, as: fixture.store.admin)
        try await fixture.application.test(.router) { client in
            func bearer(_ token: String) -> HTTPFields {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                return headers
            }
            let listed = try await client.execute(uri: "/api/v1/users/delegate/tokens", method: .get, headers: fixture.headers(.delegate)) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains("secretHash") && !String(buffer: response.body).contains("dkt_"))
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]] ?? []
            }
            #expect(listed.count == 2 && listed.allSatisfy { $0["active"] as? Bool == true })
            try await client.execute(uri: "/api/v1/users/delegate/tokens", method: .get, headers: fixture.headers(.clerk)) {
                #expect($0.status == .forbidden)
            }
            // Someone else's token is not theirs to revoke, nor to learn of.
            try await client.execute(uri: "/api/v1/tokens/\(spare.id)", method: .delete, headers: fixture.headers(.clerk)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/tokens/\(spare.id)", method: .delete, headers: fixture.headers(.delegate)) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["active"] as? Bool == false)
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(spare.token)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.errorBody?.message.contains("revoked") == true)
            }
            try await client.execute(uri: "/api/v1/tokens/\(spare.id)", method: .delete, headers: fixture.headers(.delegate)) {
                #expect($0.status == .conflict)
            }
            // Signing out ends the token it is sent with, and only that one.
            try await client.execute(uri: "/api/v1/auth/logout", method: .post, headers: fixture.headers(.delegate)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(.delegate)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(.clerk)) { #expect($0.status == .ok) }
        }
        let revocations = try await fixture.store.docket.auditLog.list(AuditFilter(subject: fixture.store.delegate.id), page: .first, as: fixture.store.auditor)
        #expect(revocations.items.filter { $0.action == "token.revoke" }.count == 2)
    }
}
