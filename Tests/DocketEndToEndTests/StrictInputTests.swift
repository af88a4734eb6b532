import DocketTestSupport
import Foundation
import Testing

/// Nothing malformed gets in, and the store is readable only by its owner.
@Suite struct StrictInputTests {
    @Test func pathsEmptyUploadsAndOversizedBodiesAreRefusedWithTheirField() throws {
        let office = try SecurityRegressionTests.Office()
        let lan = try office.token("lan")
        let file = try office.docket.workspace.write(Data("nội dung".utf8), to: "a.txt")
        for name in ["a%2Fb.pdf", "..%5Cx.pdf", "C%3Ax.pdf", "%2Fetc%2Fpasswd"] {
            let reply = try office.server.request(
                "POST", "/api/v1/documents?filename=\(name)", token: lan, file: file, contentType: "text/plain")
            #expect(reply.status == 422 && reply.error?.field == "filename", "\(name): \(reply.text)")
        }
        let empty = try office.docket.workspace.write(Data(), to: "empty.txt")
        let nothing = try office.server.request(
            "POST", "/api/v1/documents?filename=empty.txt", token: lan, file: empty, contentType: "text/plain")
        #expect(nothing.status == 422 && nothing.error?.field == "content", "\(nothing.text)")
        let cli = try office.docket.run("doc", "add", empty, as: "lan")
        #expect(cli.status == 2 && cli.stderr.hasSuffix("[content]\n"), "\(cli.stderr)")
        // The CLI names a file by its own name, not by the path it was given.
        let nested = office.docket.workspace.file("thu-muc")
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        let inFolder = try office.docket.workspace.write(Data("x".utf8), to: "thu-muc/to-trinh.pdf")
        let added = try office.docket.json(try office.docket.ok("doc", "add", inFolder, "--json", as: "lan"))
        #expect(added["filename"] as? String == "to-trinh.pdf")
        #expect(try Command.output("sqlite3", [office.docket.workspace.file("data/docket.sqlite"), "SELECT count(*) FROM document WHERE size = 0"]) == "0\n")

        let huge = try office.docket.workspace.write(
            Data(#"{"body":"X","title":"\#(String(repeating: "a", count: 3 << 20))","startsAt":"2025-03-10T08:00Z"}"#.utf8), to: "huge.json")
        let tooLarge = try office.server.request("POST", "/api/v1/sessions", token: lan, file: huge, contentType: "application/json")
        #expect(tooLarge.status == 413 && tooLarge.error?.code == "too_large", "\(tooLarge.status) \(tooLarge.text.prefix(200))")
        #expect(office.server.isRunning)
    }

    @Test func controlCharactersAreRefusedNamingTheFieldAndNothingIsStored() throws {
        let office = try SecurityRegressionTests.Office()
        let lan = try office.token("lan")
        _ = try office.docket.ok("body", "create", "--name", "Ban Chỉ đạo", "--code", "BCĐ", "--term", "2020-2025", as: "lan")
        let before = try office.server.request("GET", "/api/v1/sessions", token: lan).json()["total"] as? Int
        for (json, field) in [
            (#"{"body":"BCĐ","title":"Kế hoạch\u0000 bí mật","startsAt":"2025-03-10T08:00Z"}"#, "title"),
            (#"{"body":"BCĐ","title":"Kế hoạch","startsAt":"2025-03-10T08:00Z","location":"Hà\nNội"}"#, "location"),
        ] {
            let reply = try office.server.request("POST", "/api/v1/sessions", token: lan, json: json)
            #expect(reply.status == 422 && reply.error?.field == field && reply.text.contains("control character"), "\(reply.text)")
        }
        let cli = try office.docket.run(
            ["session", "create", "--body", "BCĐ", "--title", "Kế hoạch\u{7}", "--starts-at", "2025-03-10T08:00Z"], as: "lan")
        #expect(cli.status == 2 && cli.stderr.hasSuffix("[title]\n"), "\(cli.stderr)")
        #expect(try office.server.request("GET", "/api/v1/sessions", token: lan).json()["total"] as? Int == before)
        let agency = try office.server.request("POST", "/api/v1/agencies", token: lan, json: #"{"code":"BT\u0000C","name":"x"}"#)
        #expect(agency.status == 422 && agency.error?.field == "code", "\(agency.text)")
        // Where a field holds several lines, line breaks are kept as sent.
        let plan = try office.server.request(
            "POST", "/api/v1/plans", token: lan, json: #"{"symbol":"1-KH/TU","title":"Kế hoạch"}"#)
        let planID = try #require(try plan.json()["id"] as? String)
        let task = try office.server.request(
            "POST", "/api/v1/plans/\(planID)/tasks", token: lan,
            json: #"{"code":"1","title":"Việc","leadAgency":"BTC","deadline":"2099-01-01","description":"dòng 1\ndòng 2"}"#)
        let description = try task.json()["description"] as? String
        #expect(task.status == 201 && description == "dòng 1\ndòng 2", "\(task.text)")
    }

    @Test func theDataDirectoryAndTheDatabaseAreTheOwnersAlone() throws {
        let docket = try DocketBinary()
        _ = try docket.ok("init")
        let data = docket.workspace.file("data")
        #expect(try Command.output("stat", ["-c", "%a", data]) == "700\n")
        for file in ["docket.sqlite", "docket.sqlite-wal", "docket.sqlite-shm"] where FileManager.default.fileExists(atPath: "\(data)/\(file)") {
            #expect(try Command.output("stat", ["-c", "%a", "\(data)/\(file)"]) == "600\n", "\(file)")
        }
    }
}
