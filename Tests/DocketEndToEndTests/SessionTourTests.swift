import DocketTestSupport
import Foundation
import Testing

/// A clerk prepares and records a session, a delegate checks in and takes the pack, an auditor
/// verifies it offline: all through the built `docket` binary.
@Suite struct SessionTourTests {
    @Test func fromInvitationToAVerifiedPackAndTheRegister() throws {
        let docket = try DocketBinary(user: "lan")
        #expect(try docket.run("init", "--org", "Văn phòng Tỉnh ủy").status == 0)
        _ = try docket.ok("user", "add", "lan", "--roles", "clerk", "--clearance", "secret", as: "admin")
        _ = try docket.ok("user", "add", "hung", "--roles", "chair", as: "admin")
        _ = try docket.ok("user", "add", "mai", "--roles", "delegate", "--agency", "BTC", as: "admin")
        _ = try docket.ok("agency", "create", "--code", "BTC", "--name", "Ban Tổ chức")
        _ = try docket.ok("body", "create", "--name", "Ban Chỉ đạo", "--code", "BCĐCĐS", "--term", "2020-2025")
        let id = try #require(docket.json(try docket.ok("session", "create", "--body", "BCĐCĐS", "--title", "Phiên họp thứ nhất", "--starts-at", "2025-03-10T08:00+07:00", "--json"))["id"] as? String)
        let report = try docket.workspace.write(sampleBytes(50_000), to: "to-trinh.pdf")
        let document = try #require(docket.json(try docket.ok("doc", "add", report, "--title", "Tờ trình", "--json"))["id"] as? String)
        _ = try docket.ok("doc", "sign", document, as: "hung")
        _ = try docket.ok("session", "bridge-point", id, "--name", "Điểm cầu Ban Tổ chức", "--host-agency", "BTC")
        _ = try docket.ok("session", "invite", id, "hung", "--role", "chair")
        _ = try docket.ok("session", "invite", id, "mai", "--bridge-point", "Điểm cầu Ban Tổ chức")
        _ = try docket.ok("session", "item", "add", id, "--title", "Khai mạc", "--minutes", "10", "--doc", document)
        _ = try docket.ok("session", "advance", id, "scheduled")
        _ = try docket.ok("session", "advance", id, "open")

        let checkIn = try docket.ok("session", "check-in", id, as: "mai")
        #expect(checkIn.stdout.contains("mai present since"))
        let attendance = try docket.ok("session", "attendance", id)
        #expect(attendance.stdout.contains("Điểm cầu Ban Tổ chức"))
        #expect(attendance.stdout.contains("counting the entitled participants): 1 of 2 present — no quorum"))
        for name in ["hung", "mai", "lan"] { _ = try docket.ok("body", "add-member", "BCĐCĐS", name) }
        let roster = try docket.ok("body", "remove-member", "BCĐCĐS", "lan")
        #expect(roster.stdout.contains("hung") && !roster.stdout.contains("lan") && roster.stdout.contains("2 members"))
        let byRoster = try docket.ok("session", "attendance", id)
        #expect(byRoster.stdout.contains("counting the body roster): 1 of 2 present — no quorum"), "\(byRoster.stdout)")
        _ = try docket.ok("session", "conclude", id, "--text", "Giao Ban Tổ chức báo cáo", "--item", "1", "--task", "Báo cáo kết quả|BTC||2025-06-30")
        let bad = try docket.run("session", "conclude", id, "--text", "x", "--task", "Việc|BTC||2025-02-30", as: "lan")
        #expect(bad.status == 2 && bad.stderr.contains("tasks[0].deadline"), "\(bad.stderr)")
        let issued = try docket.ok("notice", "issue", "--session", id, "--kind", "conclusion")
        #expect(issued.stdout.contains("Issued 01-TB/BCĐCĐS"))
        let register = try docket.ok("register", "list", "--body", "BCĐCĐS")
        #expect(register.stdout.contains("01-GM/BCĐCĐS") && register.stdout.contains("01-TB/BCĐCĐS"))
        let inbox = try docket.ok("notice", "inbox", as: "mai")
        #expect(inbox.stdout.contains("01-TB/BCĐCĐS") && inbox.stdout.contains("new"))

        let pack = docket.workspace.file("pack.zip")
        _ = try docket.ok("session", "pack", id, "-o", pack, as: "mai")
        #expect(try Command.run("unzip", ["-t", pack]).status == 0)
        let root = docket.workspace.file("root.pem")
        _ = try docket.ok("keys", "export-ca", "-o", root, as: "admin")
        // Offline: no data directory at all.
        let verified = try Command.run(DocketBinary.path, ["pack", "verify", pack, "--ca", root], environment: ["DOCKET_DATA_DIR": "/nonexistent"])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        #expect(verified.stdout.contains("signer: CN=Văn phòng Tỉnh ủy Office"))
        // The event that issued the pack proves into the audit log, in Docket and with Python and openssl alone.
        #expect(verified.stdout.contains("issued by audit event "), "\(verified.stdout)")
        let manifest = docket.workspace.file("manifest.json")
        #expect(try Command.run("unzip", ["-o", "-q", pack, "manifest.json", "-d", docket.workspace.path]).status == 0)
        let key = try docket.workspace.write(Data(try docket.ok("audit", "log-key", as: "admin").stdout.utf8), to: "log-key.pem")
        let offline = try Command.run("python3", [AuditCheckpointTests.verifier, "pack", manifest, "--key", key])
        #expect(offline.status == 0 && offline.stdout.hasPrefix("OK: event "), "\(offline.stdout)")
        #expect(verified.stdout.contains("ok   documents/Tờ trình.pdf"), "named by its title; the manifest keeps \(document)")

        // The delegate's notice carries the proof of its issuing, bound to its bytes.
        let noticeID = try #require(((docket.json(try docket.ok("notice", "inbox", "--json", as: "mai"))["items"] as? [[String: Any]])?.first?["notice"] as? [String: Any])?["id"] as? String)
        let html = docket.workspace.file("notice.html")
        let proof = docket.workspace.file("notice-proof.json")
        let opened = try docket.ok("notice", "open", noticeID, "-o", html, "--proof", proof, as: "mai")
        #expect(opened.stdout.contains("issued by audit event "), "\(opened.stdout)")
        let provedNotice = try Command.run("python3", [AuditCheckpointTests.verifier, "notice", proof, "--document", html, "--key", key])
        #expect(provedNotice.status == 0 && provedNotice.stdout.contains("OK: notice 01-TB/BCĐCĐS was issued with this document"), "\(provedNotice.stdout)")
        let altered = try docket.workspace.write(try Data(contentsOf: URL(fileURLWithPath: html)) + Data(" ".utf8), to: "altered.html")
        let refused = try Command.run("python3", [AuditCheckpointTests.verifier, "notice", proof, "--document", altered, "--key", key])
        #expect(refused.status == 1 && refused.stdout.contains("is not the document notice"), "\(refused.stdout)")
        let again = try docket.run("notice", "open", noticeID, "-o", html, as: "mai")
        #expect(again.status == 2 && again.stderr.contains("[output]"), "\(again.stderr)")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: pack))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: pack))
        let tampered = try Command.run(DocketBinary.path, ["pack", "verify", pack, "--ca", root])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("INVALID"))

        _ = try docket.ok("session", "advance", id, "closed")
        let frozen = try docket.run("session", "attend", id, "mai", "--status", "absent", "--reason", "ốm", as: "lan")
        #expect(frozen.status == 6 && frozen.stderr.contains("amendment"))
        _ = try docket.ok("session", "attend", id, "mai", "--status", "absent", "--reason", "ốm", "--amend", "ghi nhầm")
        #expect(try docket.ok("session", "amendments", id).stdout.contains("ghi nhầm"))
    }
}
