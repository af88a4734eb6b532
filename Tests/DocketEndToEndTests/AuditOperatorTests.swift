import DocketTestSupport
import Foundation
import Testing

/// The CLI acts as the user it names; every event it writes also names the operating-system user
/// who ran it. Events from the server name only the token's user.
@Suite struct AuditOperatorTests {
    @Test func cliEventsNameTheLocalOperatorAndServerEventsDoNot() throws {
        let office = try SecurityRegressionTests.Office()
        let expected = try Command.output("whoami", []).trimmingCharacters(in: .whitespacesAndNewlines) + "@"
            + ProcessInfo.processInfo.hostName
        let lan = try office.token("lan")
        let reply = try office.server.request("POST", "/api/v1/agencies", token: lan, json: #"{"code":"QUA-HTTP","name":"Qua HTTP"}"#)
        #expect(reply.status == 201, "\(reply.text)")
        _ = try office.docket.ok("agency", "create", "--code", "QUA-CLI", "--name", "Qua CLI", as: "lan")
        let events = try office.docket.json(try office.docket.ok("audit", "list", "--json", "--limit", "1000", as: "kiem"))
        let agencies = (events["items"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == "agency.create" }
        func details(_ code: String) throws -> [String: String] {
            let event = try #require(agencies.first { ($0["subject"] as? String) == code })
            return try #require(try JSONSerialization.jsonObject(with: Data((event["details"] as? String ?? "").utf8)) as? [String: String])
        }
        #expect(try details("QUA-CLI")["operator"] == expected)
        #expect(try details("QUA-HTTP")["operator"] == nil)
        _ = try office.docket.ok("audit", "verify", as: "kiem")
    }
}
