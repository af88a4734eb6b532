import DocketTestSupport
import Foundation
import Testing

/// One process never breaks another's work: `docket serve` and CLI commands on one store at once.
@Suite struct ConcurrentProcessesTests {
    @Test func aSlowUploadSurvivesTwentyCommandsOpeningTheStore() throws {
        let office = try SecurityRegressionTests.Office()
        let file = try office.docket.workspace.write(sampleBytes(2 << 20, seed: 3), to: "slow.pdf")
        let lan = try office.token("lan")
        // About five seconds at 400 KiB/s: every command below opens the store while it runs.
        let upload = Process()
        upload.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        upload.arguments = [
            "-sS", "--limit-rate", "400k", "-o", office.docket.workspace.file("upload.json"), "-w", "%{http_code}",
            "-H", "Authorization: Bearer \(lan)", "-H", "Content-Type: application/pdf", "--data-binary", "@\(file)",
            "http://127.0.0.1:\(office.server.port)/api/v1/documents?filename=slow.pdf",
        ]
        let status = Pipe()
        upload.standardOutput = status
        try upload.run()
        var commands = 0
        let started = Date()
        while upload.isRunning && commands < 20 {
            for arguments in [["doc", "list"], ["audit", "verify"], ["store", "check"], ["user", "list"]] where commands < 20 {
                let result = try office.docket.run(arguments, as: arguments[0] == "user" ? "admin" : "kiem")
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                commands += 1
            }
        }
        upload.waitUntilExit()
        #expect(commands == 20 && Date().timeIntervalSince(started) > 2, "the commands ran while the upload did")
        #expect(String(decoding: status.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "201")
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: office.docket.workspace.file("upload.json"))))
        let sha256 = try #require((stored as? [String: Any])?["sha256"] as? String)
        #expect(try Command.output("sha256sum", [file]).hasPrefix(sha256))
        _ = try office.docket.ok("store", "check", as: "kiem")
    }

    @Test func onlyUploadsNoLiveProcessHoldsAreSwept() throws {
        let office = try SecurityRegressionTests.Office()
        let temporary = office.docket.workspace.file("data/blobs/tmp")
        let abandoned = "\(temporary)/abandoned"
        let held = "\(temporary)/held"
        let fresh = "\(temporary)/fresh"
        for path in [abandoned, held, fresh] { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
        for path in [abandoned, held] { #expect(try Command.run("touch", ["-d", "2 hours ago", path]).status == 0) }
        // A live process holds `held`, as a writer does while it streams.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [held, "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.5)

        let report = try office.docket.json(try office.docket.ok("store", "check", "--json", as: "kiem"))
        #expect(report["abandonedUploads"] as? [String] == [abandoned] && report["repaired"] as? Bool == false, "\(report)")
        let refused = try office.docket.run("store", "check", "--repair", as: "kiem")
        #expect(refused.status == 5 && FileManager.default.fileExists(atPath: abandoned), "an auditor changes nothing")
        _ = try office.docket.ok("store", "check", "--repair", as: "admin")
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: held) && FileManager.default.fileExists(atPath: fresh))
    }

    @Test func fiftyNoticesFromTheServerAndFromCLIProcessesAtOnceAreNumberedWithoutGaps() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        let session = try office.draftSession()
        _ = try docket.ok("session", "invite", session, "mai", as: "lan")
        _ = try docket.ok("session", "advance", session, "scheduled", as: "lan")  // invitation 01-GM
        let lan = try office.token("lan")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            do {
                if index.isMultiple(of: 2) {
                    let reply = try office.server.request(
                        "POST", "/api/v1/notices", token: lan, json: #"{"session":"\#(session)","kind":"invitation"}"#)
                    if reply.status != 201 { failures.add("HTTP \(reply.status): \(reply.text)") }
                } else {
                    let result = try docket.run(["notice", "issue", "--session", session, "--kind", "invitation"], as: "lan")
                    if result.status != 0 { failures.add("CLI \(result.status): \(result.stderr)") }
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let register = try docket.json(try docket.ok("register", "list", "--body", "BCĐ", "--limit", "100", "--json", as: "lan"))
        let numbers = ((register["items"] as? [[String: Any]]) ?? []).compactMap { $0["number"] as? Int }.sorted()
        #expect(numbers == Array(1...51))
        _ = try docket.ok("audit", "verify", as: "kiem")
        _ = try docket.ok("store", "check", as: "kiem")
    }
}

/// What went wrong on other threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ failure: String) { lock.withLock { items.append(failure) } }
    var all: [String] { lock.withLock { items } }
}
