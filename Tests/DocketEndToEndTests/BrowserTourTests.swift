import DocketTestSupport
import Foundation
import Testing

/// The pages in a real browser: Debian's headless Chromium, driven through chromedriver by
/// Selenium (`Tests/Browser/*.py`), against `docket serve` started for real. `bash scripts/test`
/// installs all three; without them these tests are skipped and say why.
@Suite(.enabled(if: Browser.available, "needs /usr/bin/chromium, /usr/bin/chromedriver and Python's selenium: bash scripts/test installs them"))
struct BrowserTourTests {
    @Test func aDelegateSignsInChecksInAndDownloadsAPackThatVerifies() throws {
        let docket = try DocketBinary(user: "lan")
        #expect(try docket.run("init", "--org", "Văn phòng Tỉnh ủy").status == 0)
        _ = try docket.ok("user", "add", "lan", "--roles", "clerk", as: "admin")
        _ = try docket.ok("user", "add", "hung", "--roles", "chair", as: "admin")
        let password = "mật khẩu của Mai 2025"
        let added = try docket.run("user", "add", "mai", "--roles", "delegate", "--password-stdin", as: "admin", stdin: Data("\(password)\n".utf8))
        #expect(added.status == 0, "\(added.stderr)")
        _ = try docket.ok("body", "create", "--name", "Ban Chỉ đạo Chuyển đổi số", "--code", "BCĐCĐS", "--term", "2020-2025", "--quorum", "majority")
        let document = try docket.workspace.write(Data("Tờ trình về chuyển đổi số".utf8), to: "to-trinh.txt")
        let documentID = try #require(docket.json(try docket.ok("doc", "add", document, "--json"))["id"] as? String)
        _ = try docket.ok("doc", "sign", documentID, as: "hung")
        // Today, an hour from now, in the office's time zone.
        let starts = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let id = try #require(docket.json(try docket.ok(
            "session", "create", "--body", "BCĐCĐS", "--title", "Phiên họp thứ nhất", "--starts-at", starts, "--json"))["id"] as? String)
        _ = try docket.ok("session", "invite", id, "hung", "--role", "chair")
        _ = try docket.ok("session", "invite", id, "mai")
        _ = try docket.ok("user", "add", "binh", "--roles", "delegate", as: "admin")
        _ = try docket.ok("session", "invite", id, "binh")
        let binh = try docket.ok("token", "create", "binh", as: "admin").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try docket.ok("session", "item", "add", id, "--title", "Khai mạc", "--doc", documentID)
        _ = try docket.ok("session", "advance", id, "scheduled")
        _ = try docket.ok("session", "advance", id, "open")
        _ = try docket.ok("session", "attend", id, "hung", "--status", "present")  // 1 of 3: no quorum until mai arrives

        let server = try DocketServer(docket)
        let downloads = docket.workspace.file("downloads")
        let artifacts = docket.workspace.file("artifacts")
        for directory in [downloads, artifacts] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let tour = try Command.run(
            "python3", [Browser.script("delegate_tour.py"), "http://127.0.0.1:\(server.port)", "mai", password, downloads, artifacts, binh, id])
        #expect(tour.status == 0, "\(tour.stdout)\n\(tour.stderr)\nartifacts: \(artifacts)")
        #expect(tour.stdout.contains("axe-core: session after check-in passes"), "the accessibility check ran on every page: \(tour.stdout)")
        let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: downloads).first { $0.hasSuffix(".zip") })
        let root = docket.workspace.file("root.pem")
        _ = try docket.ok("keys", "export-ca", "-o", root)
        let verified = try docket.run("pack", "verify", "\(downloads)/\(pack)", "--ca", root)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let attendance = try docket.ok("session", "attendance", id).stdout
        #expect(attendance.contains("mai") && attendance.contains("binh") && attendance.contains("present"), "\(attendance)")
    }

    @Test func aClerkRegistersAndFindsADocumentAndAnAuditorVerifiesIt() throws {
        let docket = try DocketBinary(user: "admin")
        #expect(try docket.run("init", "--org", "Văn phòng Tỉnh ủy").status == 0)
        for (name, role) in [("lan", "clerk"), ("kiem", "auditor")] {
            let added = try docket.run("user", "add", name, "--roles", role, "--password-stdin", stdin: Data("mật khẩu của \(name)\n".utf8))
            #expect(added.status == 0, "\(added.stderr)")
        }
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming")
        let original = try docket.workspace.write(Data("Công văn số 12-CV/TU về việc chuyển đổi số".utf8), to: "cv12.txt")
        let server = try DocketServer(docket)
        let artifacts = docket.workspace.file("artifacts")
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let tour = try Command.run(
            "python3",
            [Browser.script("clerk_auditor_tour.py"), "http://127.0.0.1:\(server.port)", "lan", "mật khẩu của lan", "kiem",
             "mật khẩu của kiem", original, artifacts])
        #expect(tour.status == 0, "\(tour.stdout)\n\(tour.stderr)\nartifacts: \(artifacts)")
        #expect(tour.stdout.contains("axe-core: verify audit log passes"), "the accessibility check ran on every page: \(tour.stdout)")
        // What the browser registered is in the book, byte for byte, as sqlite3 and the CLI read it.
        let rows = try Command.run("sqlite3", [docket.workspace.file("data/docket.sqlite"), "SELECT number, senderSymbol, deadline FROM registerEntry"])
        #expect(rows.status == 0 && rows.stdout == "1|12-CV/TU|2030-03-20\n", "\(rows.stdout)\(rows.stderr)")
        let stored = try docket.json(try docket.ok("doc", "list", "--json"))
        let id = try #require(((stored["items"] as? [[String: Any]])?.first { $0["filename"] as? String == "cv12.txt" })?["id"] as? String)
        let exported = docket.workspace.file("exported")
        _ = try docket.ok("doc", "get", id, "-o", exported)
        #expect(FileManager.default.contents(atPath: exported) == FileManager.default.contents(atPath: original))
    }
}

/// Where the browser and its driver are, and the scripts that drive them.
enum Browser {
    static let available: Bool =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && (try? Command.run("python3", ["-c", "import selenium"]).status) == 0

    /// A script in `Tests/Browser`, found from this file's place in the checkout.
    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Browser").appendingPathComponent(name).path
    }
}
