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
