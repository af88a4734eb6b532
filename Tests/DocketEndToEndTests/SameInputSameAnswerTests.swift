import DocketTestSupport
import Foundation
import Testing

/// Defaults and parsing live once, in the service layer's input types: the CLI and HTTP hand the
/// same raw values over and get the same error, naming the same field, and the same defaults.
@Suite struct SameInputSameAnswerTests {
    /// One bad input as a CLI command and as an HTTP request, and the field both must name.
    struct Case: CustomStringConvertible {
        let field: String
        let cli: [String]
        let method: String
        let path: String
        let json: String?

        var description: String { field }
    }

    @Test func theSameBadInputGivesTheSameErrorFromTheCLIAndOverHTTP() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        let session = try office.draftSession()
        let file = try docket.workspace.write(Data("nội dung".utf8), to: "a.txt")
        let cases = [
            Case(
                field: "roles", cli: ["user", "add", "x", "--roles", "boss"], method: "POST", path: "/api/v1/users",
                json: #"{"username":"x","roles":["boss"]}"#),
            Case(
                field: "clearance", cli: ["user", "add", "x", "--roles", "clerk", "--clearance", "ultra"], method: "POST",
                path: "/api/v1/users", json: #"{"username":"x","roles":["clerk"],"clearance":"ultra"}"#),
            Case(
                field: "expiresInDays", cli: ["token", "create", "lan", "--expires-in-days", "999"], method: "POST",
                path: "/api/v1/users/lan/tokens", json: #"{"expiresInDays":999}"#),
            Case(
                field: "numbering", cli: ["body", "create", "--name", "B", "--code", "B2", "--numbering", "royal"], method: "POST",
                path: "/api/v1/bodies", json: #"{"name":"B","code":"B2","numbering":"royal"}"#),
            Case(
                field: "quorum", cli: ["body", "create", "--name", "B", "--code", "B2", "--quorum", "most"], method: "POST",
                path: "/api/v1/bodies", json: #"{"name":"B","code":"B2","quorum":"most"}"#),
            Case(
                field: "startsAt", cli: ["session", "create", "--body", "BCĐ", "--title", "T", "--starts-at", "31/02/2025 08:00"],
                method: "POST", path: "/api/v1/sessions", json: #"{"body":"BCĐ","title":"T","startsAt":"31/02/2025 08:00"}"#),
            Case(
                field: "endsAt",
                cli: ["session", "create", "--body", "BCĐ", "--title", "T", "--starts-at", "2025-03-10T08:00Z", "--ends-at", "noon"],
                method: "POST", path: "/api/v1/sessions",
                json: #"{"body":"BCĐ","title":"T","startsAt":"2025-03-10T08:00Z","endsAt":"noon"}"#),
            Case(
                field: "classification", cli: ["doc", "add", file, "--classification", "ultra"], method: "POST",
                path: "/api/v1/documents?filename=a.txt&classification=ultra", json: nil),
            Case(
                field: "role", cli: ["session", "invite", session, "mai", "--role", "boss"], method: "POST",
                path: "/api/v1/sessions/\(session)/participants", json: #"{"user":"mai","role":"boss"}"#),
            Case(
                field: "status", cli: ["session", "attend", session, "mai", "--status", "asleep"], method: "POST",
                path: "/api/v1/sessions/\(session)/attendance", json: #"{"user":"mai","status":"asleep"}"#),
            Case(
                field: "phases",
                cli: ["plan", "create", "--symbol", "9-KH/TU", "--title", "K", "--phases", "GĐ1=2025-01-01..2025-13-01"],
                method: "POST", path: "/api/v1/plans",
                json: #"{"symbol":"9-KH/TU","title":"K","phases":[{"code":"GĐ1","starts":"2025-01-01","ends":"2025-13-01"}]}"#),
            Case(field: "asOf", cli: ["task", "report", "--as-of", "2025-13-01"], method: "GET", path: "/api/v1/reports/tasks?asOf=2025-13-01", json: nil),
            Case(field: "by", cli: ["task", "report", "--by", "colour"], method: "GET", path: "/api/v1/reports/tasks?by=colour", json: nil),
            Case(field: "against", cli: ["task", "report", "--against", "hope"], method: "GET", path: "/api/v1/reports/tasks?against=hope", json: nil),
            Case(field: "dueSoon", cli: ["task", "report", "--due-soon", "999"], method: "GET", path: "/api/v1/reports/tasks?dueSoon=999", json: nil),
        ]
        let admin = office.admin
        let lan = try office.token("lan")
        for item in cases {
            let asAdmin = item.cli[0] == "user" || item.cli[0] == "token"
            let cli = try docket.run(item.cli, as: asAdmin ? "admin" : "lan")
            #expect(cli.status == 2 && cli.stderr.hasSuffix("[\(item.field)]\n"), "CLI \(item): \(cli.stderr)")
            let reply =
                if item.path.hasPrefix("/api/v1/documents") {
                    try office.server.request(item.method, item.path, token: lan, file: file, contentType: "text/plain")
                } else {
                    try office.server.request(item.method, item.path, token: asAdmin ? admin : lan, json: item.json)
                }
            #expect(reply.status == 422 && reply.error?.code == "invalid_input" && reply.error?.field == item.field, "HTTP \(item): \(reply.text)")
        }
    }

    @Test func theDefaultsAreTheSameFromTheCLIAndOverHTTP() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        let lan = try office.token("lan")
        let byCLI = try docket.json(try docket.ok("body", "create", "--name", "Ban A", "--code", "A", "--term", "2020-2025", "--json", as: "lan"))
        let byHTTP = try office.server.request("POST", "/api/v1/bodies", token: lan, json: #"{"name":"Ban B","code":"B","term":"2020-2025"}"#).json()
        for json in [byCLI, byHTTP] {
            #expect(json["numbering"] as? String == "party" && json["quorum"] as? String == "majority", "\(json)")
        }
        let file = try docket.workspace.write(Data("nội dung".utf8), to: "a.txt")
        let documentByCLI = try docket.json(try docket.ok("doc", "add", file, "--json", as: "lan"))
        let documentByHTTP = try office.server.request("POST", "/api/v1/documents?filename=a.txt", token: lan, file: file, contentType: "text/plain").json()
        #expect(documentByCLI["classification"] as? String == "internal" && documentByHTTP["classification"] as? String == "internal")

        let session = try #require(
            docket.json(
                try docket.ok(
                    "session", "create", "--body", "A", "--title", "Phiên họp", "--starts-at", "2025-03-10T08:00+07:00", "--json",
                    as: "lan"))["id"] as? String)
        let invitedByCLI = try docket.json(try docket.ok("session", "invite", session, "mai", "--json", as: "lan"))
        let invitedByHTTP = try office.server.request(
            "POST", "/api/v1/sessions/\(session)/participants", token: lan, json: #"{"user":"kiem"}"#
        ).json()
        #expect(invitedByCLI["role"] as? String == "member" && invitedByHTTP["role"] as? String == "member")
    }
}
