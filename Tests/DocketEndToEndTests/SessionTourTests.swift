import DocketTestSupport
import Foundation
import Testing

/// A clerk prepares and records a session, a delegate checks in and takes the pack, an auditor
/// verifies it offline: all through the built `docket` binary.
@Suite struct SessionTourTests {
    @Test func fromInvitationToAVerifiedPackAndTheRegister() throws {
        let docket = try DocketBinary()
        func ok(_ arguments: String..., as user: String = "lan") throws -> CommandResult {
            let result = try docket.run(arguments, as: user)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
        #expect(try docket.run("init", "--org", "Văn phòng Tỉnh ủy").status == 0)
        _ = try ok("user", "add", "lan", "--role", "clerk", "--clearance", "secret", as: "admin")
        _ = try ok("user", "add", "hung", "--role", "chair", as: "admin")
        _ = try ok("user", "add", "mai", "--role", "delegate", "--agency", "BTC", as: "admin")
        _ = try ok("agency", "create", "--code", "BTC", "--name", "Ban Tổ chức")
        _ = try ok("body", "create", "--name", "Ban Chỉ đạo", "--code", "BCĐCĐS", "--term", "2020-2025")
        let id = try #require(docket.json(try ok("session", "create", "--body", "BCĐCĐS", "--title", "Phiên họp thứ nhất", "--starts", "2025-03-10T08:00+07:00", "--json"))["id"] as? String)
        let report = try docket.workspace.write(sampleBytes(50_000), to: "to-trinh.pdf")
        let document = try #require(docket.json(try ok("doc", "add", report, "--title", "Tờ trình", "--json"))["id"] as? String)
        _ = try ok("doc", "sign", document, as: "hung")
        _ = try ok("session", "bridge-point", id, "--name", "Điểm cầu Ban Tổ chức", "--host-agency", "BTC")
        _ = try ok("session", "invite", id, "hung", "--role", "chair")
        _ = try ok("session", "invite", id, "mai", "--bridge-point", "Điểm cầu Ban Tổ chức")
        _ = try ok("session", "item", "add", id, "--title", "Khai mạc", "--minutes", "10", "--doc", document)
        _ = try ok("session", "advance", id, "scheduled")
        _ = try ok("session", "advance", id, "open")

        let checkIn = try ok("session", "check-in", id, as: "mai")
        #expect(checkIn.stdout.contains("mai present since"))
        let attendance = try ok("session", "attendance", id)
        #expect(attendance.stdout.contains("Điểm cầu Ban Tổ chức"))
        #expect(attendance.stdout.contains("1 of 2 entitled present — no quorum"))
        _ = try ok("session", "conclude", id, "--text", "Giao Ban Tổ chức báo cáo", "--item", "1", "--task", "Báo cáo kết quả|BTC||2025-06-30")
        let bad = try docket.run("session", "conclude", id, "--text", "x", "--task", "Việc|BTC||2025-02-30", as: "lan")
        #expect(bad.status == 2 && bad.stderr.contains("tasks[0].deadline"), "\(bad.stderr)")
        let issued = try ok("notice", "issue", "--session", id, "--kind", "conclusion")
        #expect(issued.stdout.contains("Issued 01-TB/BCĐCĐS"))
        let register = try ok("register", "list", "--body", "BCĐCĐS")
        #expect(register.stdout.contains("01-GM/BCĐCĐS") && register.stdout.contains("01-TB/BCĐCĐS"))
        let inbox = try ok("notice", "inbox", as: "mai")
        #expect(inbox.stdout.contains("01-TB/BCĐCĐS") && inbox.stdout.contains("new"))

        let pack = docket.workspace.file("pack.zip")
        _ = try ok("session", "pack", id, "-o", pack, as: "mai")
        #expect(try Command.run("unzip", ["-t", pack]).status == 0)
        let root = docket.workspace.file("root.pem")
        _ = try ok("keys", "export-ca", "-o", root, as: "admin")
        // Offline: no data directory at all.
        let verified = try Command.run(DocketBinary.path, ["pack", "verify", pack, "--ca", root], environment: ["DOCKET_DATA_DIR": "/nonexistent"])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        #expect(verified.stdout.contains("signer: CN=Văn phòng Tỉnh ủy Office"))
        #expect(verified.stdout.contains("ok   documents/\(document).pdf"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: pack))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: pack))
        let tampered = try Command.run(DocketBinary.path, ["pack", "verify", pack, "--ca", root])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("INVALID"))

        _ = try ok("session", "advance", id, "closed")
        let frozen = try docket.run("session", "attend", id, "mai", "--status", "absent", "--reason", "ốm", as: "lan")
        #expect(frozen.status == 6 && frozen.stderr.contains("amendment"))
        _ = try ok("session", "attend", id, "mai", "--status", "absent", "--reason", "ốm", "--amend", "ghi nhầm")
        #expect(try ok("session", "amendments", id).stdout.contains("ghi nhầm"))
    }
}
