import DocketTestSupport
import Foundation
import Testing

/// A token revoked from the command line stops working in a running server at once.
@Suite struct TokenRevocationTests {
    @Test func aTokenRevokedByTheCLIFailsOnTheServersNextRequest() throws {
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
        _ = try office.docket.ok("token", "revoke", id, as: "admin")
        let after = try office.server.request("GET", "/api/v1/me", token: token)
        #expect(after.status == 401 && after.text.contains("revoked"), "\(after.text)")
        let again = try office.docket.run("token", "revoke", id, as: "admin")
        #expect(again.status == 6, "\(again.stderr)")
    }
}
