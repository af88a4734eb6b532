import DocketTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `doc add` killed half way leaves nothing visible, and `store check --repair` cleans up.
@Suite struct InterruptedUploadTests {
    @Test func aKilledDocAddLeavesNoRowAndNoBlob() throws {
        let docket = try DocketBinary()
        #expect(try docket.run("init").status == 0)
        signal(SIGPIPE, SIG_IGN)
        // A FIFO stands for a large file: the test decides how far the copy gets before the kill.
        let fifo = docket.workspace.file("large.pdf")
        #expect(mkfifo(fifo, 0o600) == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: DocketBinary.path)
        process.arguments = ["doc", "add", fifo]
        process.environment = docket.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        let writer = open(fifo, O_WRONLY)
        #expect(writer >= 0)
        let chunk = [UInt8](sampleBytes(1 << 20))
        for _ in 0..<8 { _ = chunk.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) } }

        let temporary = docket.workspace.file("data/blobs/tmp")
        var waited = 0
        while (try? FileManager.default.contentsOfDirectory(atPath: temporary))?.isEmpty != false && waited < 200 {
            usleep(50_000)
            waited += 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        close(writer)
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).count == 1)
        let blobs = try FileManager.default.contentsOfDirectory(atPath: docket.workspace.file("data/blobs"))
        #expect(blobs == ["tmp"])
        let rows = try Command.output("sqlite3", [docket.workspace.file("data/docket.sqlite"), "SELECT count(*) FROM document"])
        #expect(rows == "0\n")

        // Another command leaves it alone (it cannot tell a dead writer from a live one by opening the
        // store); once no process holds it and it is older than a minute, the repair removes it.
        #expect(try docket.run("doc", "list").status == 0)
        let leftover = try #require(try FileManager.default.contentsOfDirectory(atPath: temporary).first)
        #expect(try Command.run("touch", ["-d", "2 hours ago", "\(temporary)/\(leftover)"]).status == 0)
        let report = try docket.json(try docket.ok("store", "check", "--json"))
        #expect((report["abandonedUploads"] as? [String])?.count == 1)
        _ = try docket.ok("store", "check", "--repair")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}
