import DocketTestSupport
import Foundation
import Testing

/// The server answers token checks from a cache; revocations still reach it: at once when made
/// through the server itself, within a second when another process (the CLI) makes them.
@Suite struct TokenRevocationTests {
    @Test func aTokenRevokedByTheCLIStopsWorkingInTheRunningServerWithinASecond() throws {
        let office = try SecurityRegressionTests.Office()
        let token = try office.token("mai")
        #expect(try office.server.request("GET", "/api/v1/me", token: token).status == 200)
        let listed = try office.docket.ok("token", "list", "mai", "--json", as: "admin").stdout
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let id = try #require(tokens.first?["id"] as? String)
        #expect(!listed.contains(token) && !listed.contains("secretHash"))
        // mai may not revoke someone else's token, and is told it does not exist.
        let admins = try office.docket.ok("token", "list", "admin", "--json", as: "admin").stdout
        let adminToken = try #require((try JSONSerialization.jsonObject(with: Data(admins.utf8)) as? [[String: Any]])?.first?["id"] as? String)
        let refused = try office.docket.run("token", "revoke", adminToken, as: "mai")
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(try office.server.request("GET", "/api/v1/me", token: office.admin).status == 200)

        #expect(try office.server.request("GET", "/api/v1/me", token: token).status == 200)  // cached now
        _ = try office.docket.ok("token", "revoke", id, as: "admin")
        let (refusal, waited) = try Self.firstRefusal(of: token, from: office.server)
        #expect(refusal.status == 401 && refusal.text.contains("revoked"), "\(refusal.text)")
        #expect(waited < 1.0, "the server took \(waited) s to notice the revocation")
        let again = try office.docket.run("token", "revoke", id, as: "admin")
        #expect(again.status == 6, "\(again.stderr)")
    }

    @Test func aUserDisabledByTheCLIIsRefusedByTheRunningServerWithinASecond() throws {
        let office = try SecurityRegressionTests.Office()
        let token = try office.token("lan")
        #expect(try office.server.request("GET", "/api/v1/me", token: token).status == 200)
        _ = try office.docket.ok("user", "disable", "lan", as: "admin")
        let (refusal, waited) = try Self.firstRefusal(of: token, from: office.server)
        #expect(refusal.status == 401 && refusal.text.contains("disabled"), "\(refusal.text)")
        #expect(waited < 1.0, "the server took \(waited) s to notice the disabled user")
    }

    @Test func revocationsThroughTheServerCountFromTheVeryNextRequest() throws {
        let office = try SecurityRegressionTests.Office()
        let server = office.server
        // An admin revokes mai's token over HTTP: mai's next request is refused.
        let mai = try office.token("mai")
        #expect(try server.request("GET", "/api/v1/me", token: mai).status == 200)
        let tokens = try server.request("GET", "/api/v1/users/mai/tokens", token: office.admin).body
        let id = try #require((try JSONSerialization.jsonObject(with: tokens) as? [[String: Any]])?.first?["id"] as? String)
        #expect(try server.request("DELETE", "/api/v1/tokens/\(id)", token: office.admin).status == 200)
        let revoked = try server.request("GET", "/api/v1/me", token: mai)
        #expect(revoked.status == 401 && revoked.text.contains("revoked"), "\(revoked.text)")
        // Signing out revokes the token it is called with.
        let lan = try office.token("lan")
        #expect(try server.request("GET", "/api/v1/me", token: lan).status == 200)
        #expect(try server.request("POST", "/api/v1/auth/logout", token: lan).status == 200)
        let signedOut = try server.request("GET", "/api/v1/me", token: lan)
        #expect(signedOut.status == 401 && signedOut.text.contains("revoked"), "\(signedOut.text)")
        // Disabling a user over HTTP refuses every token of theirs at once.
        let kiem = try office.token("kiem")
        #expect(try server.request("GET", "/api/v1/me", token: kiem).status == 200)
        #expect(try server.request("POST", "/api/v1/users/kiem/disable", token: office.admin).status == 200)
        let disabled = try server.request("GET", "/api/v1/me", token: kiem)
        #expect(disabled.status == 401 && disabled.text.contains("disabled"), "\(disabled.text)")
    }

    /// Asks `/me` with `token` every 20 ms until it is refused; gives up after 5 s.
    static func firstRefusal(of token: String, from server: DocketServer) throws -> (DocketServer.Reply, TimeInterval) {
        let started = Date()
        while true {
            let reply = try server.request("GET", "/api/v1/me", token: token)
            let waited = Date().timeIntervalSince(started)
            if reply.status != 200 || waited > 5 { return (reply, waited) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
