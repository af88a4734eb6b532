import DocketTestSupport
import Foundation
import Testing

/// The real binary killed with SIGKILL at many points while it writes: afterwards the store is
/// whole and every acknowledged write is there.
@Suite struct CrashTests {
    /// Starts `docket ARGUMENTS`, kills it with SIGKILL after `delay` seconds unless it finished,
    /// and says whether it finished on its own with exit status 0.
    static func runKilled(_ docket: DocketBinary, _ arguments: [String], as user: String, after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DocketBinary.path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(docket.environment) { $1 }
            .merging(["DOCKET_USER": user]) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: docket.workspace.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning && Date() < deadline { usleep(1_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    @Test func killedWritersLeaveAWholeStoreAndEveryAcknowledgedWrite() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        let database = docket.workspace.file("data/docket.sqlite")
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming", as: "lan")
        let large = try docket.workspace.write(sampleBytes(24 << 20, seed: 9), to: "large.pdf")
        let small = try docket.workspace.write(Data("Công văn đến, bản quét".utf8), to: "cv.txt")
        let session = try office.draftSession()
        _ = try docket.ok("session", "invite", session, "mai", as: "lan")
        _ = try docket.ok("session", "advance", session, "scheduled", as: "lan")
        var points = 0
        var acknowledged: [String] = []
        // Delays from before the store opens to after the work is done, for three kinds of writer.
        let delays = [0.005, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5]
        for (index, delay) in delays.enumerated() {
            let symbol = "\(index + 1)-CV/BTC"
            if try Self.runKilled(
                docket, ["incoming", "register", small, "--sender", "Ban Tổ chức", "--sender-symbol", symbol, "--summary", "Số \(index)"],
                as: "lan", after: delay)
            {
                acknowledged.append(symbol)
            }
            _ = try Self.runKilled(docket, ["doc", "add", large, "--title", "Tài liệu lớn \(index)"], as: "lan", after: delay * 4)
            _ = try Self.runKilled(docket, ["agency", "create", "--code", "CQ\(index)", "--name", "Cơ quan \(index)"], as: "lan", after: delay)
            _ = try Self.runKilled(docket, ["notice", "issue", "--session", session, "--kind", "invitation"], as: "lan", after: delay)
            let pack = docket.workspace.file("pack-\(index).zip")
            _ = try Self.runKilled(docket, ["session", "pack", session, "-o", pack], as: "mai", after: delay)
            // A pack is whole or absent: a killed writer leaves at most its `.part-PID` file.
            if FileManager.default.fileExists(atPath: pack) {
                let verified = try docket.run("pack", "verify", pack, "--ca", docket.workspace.file("data/keys/root-ca.pem"))
                #expect(verified.status == 0, "kill point \(points): \(verified.stdout) \(verified.stderr)")
            }
            points += 5

            #expect(try Command.output("sqlite3", [database, "PRAGMA integrity_check"]) == "ok\n", "after kill point \(points)")
            _ = try docket.ok("audit", "verify", as: "kiem")
            _ = try docket.ok("store", "check", as: "kiem")
            _ = try docket.ok("register", "gaps", "--kind", "incoming", as: "kiem")
            _ = try docket.ok("register", "gaps", "--register", "BCĐ", "--year", "2026", as: "kiem")
        }
        print("CrashTests: \(points) kill points tried, \(acknowledged.count) registrations acknowledged before their kill")
        let stored = try Command.output("sqlite3", [database, "SELECT senderSymbol FROM registerEntry"]).split(separator: "\n").map(String.init)
        #expect(Set(acknowledged).isSubset(of: Set(stored)), "acknowledged \(acknowledged), stored \(stored)")
        // The server at its next start sweeps what killed writers left in blobs/tmp.
        _ = try docket.ok("store", "check", "--repair", as: "admin")
        _ = try docket.ok("store", "check", as: "kiem")
    }
}
