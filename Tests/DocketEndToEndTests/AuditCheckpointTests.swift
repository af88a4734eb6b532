import DocketTestSupport
import Foundation
import Testing

/// A checkpoint taken before catches every way of rewriting the log after, through
/// `docket audit verify --checkpoint` and through `tools/verify-audit.py` (Python and openssl).
@Suite struct AuditCheckpointTests {
    static let verifier = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tools/verify-audit.py").path

    /// Rewrites the log from `sequence` on with changed details and fresh hashes, as an attacker
    /// holding the database file would, following docs/formats.md: the chain alone stays intact.
    static let rewrite = #"""
        import hashlib, sqlite3, sys
        db = sqlite3.connect(sys.argv[1]); start = int(sys.argv[2])
        db.execute("DROP TRIGGER auditEvent_appendOnly_update")
        previous = db.execute("SELECT hash FROM auditEvent WHERE sequence = ?", (start - 1,)).fetchone()[0]
        rows = db.execute("SELECT sequence, time, actor, action, subject, details FROM auditEvent WHERE sequence >= ? ORDER BY sequence", (start,)).fetchall()
        for sequence, time, actor, action, subject, details in rows:
            if sequence == start: details = '{"forged":"yes"}'
            stamp = time.replace(" ", "T") + "Z"
            fields = ["docket-audit-v1", str(sequence), stamp, actor, action, subject, details, previous]
            encoded = b"".join(str(len(f.encode())).encode() + b":" + f.encode() + b"\n" for f in fields)
            previous = hashlib.sha256(encoded).hexdigest()
            db.execute("UPDATE auditEvent SET details = ?, previousHash = ?, hash = ? WHERE sequence = ?", (details, fields[-1], previous, sequence))
        db.commit()
        """#

    @Test func everyRewriteOfTheLogIsCaughtAgainstAnEarlierCheckpoint() throws {
        let docket = try DocketBinary(user: "admin")
        _ = try docket.ok("init", "--org", "Văn phòng Tỉnh ủy")
        for name in ["lan", "mai", "hung", "kiem"] { _ = try docket.ok("user", "add", name, "--roles", "clerk") }
        let checkpoint = docket.workspace.file("checkpoint.txt")
        _ = try docket.ok("audit", "checkpoint", "-o", checkpoint)
        let key = try docket.workspace.write(Data(try docket.ok("audit", "log-key").stdout.utf8), to: "log-key.pem")
        for name in ["tuan", "nga"] { _ = try docket.ok("user", "add", name, "--roles", "delegate") }
        let signed = try Self.size(of: checkpoint)
        let kept = try Command.run("sqlite3", [docket.workspace.file("data/docket.sqlite"), "SELECT size FROM auditCheckpoint"])
        #expect(kept.status == 0 && kept.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(signed), "\(kept.stdout)")

        // Untouched, the log extends the checkpoint, and the offline verifier agrees.
        let intact = try docket.run("audit", "verify", "--checkpoint", checkpoint)
        #expect(intact.status == 0 && intact.stdout.contains("extends the checkpoint"), "\(intact.stdout)\(intact.stderr)")
        #expect(try Self.offline(docket, "checkpoint", checkpoint, key: key).status == 0)
        let proofFile = try docket.workspace.write(Data(try docket.ok("audit", "prove", "3").stdout.utf8), to: "proof.json")
        let inclusion = try Self.offline(docket, "inclusion", proofFile, key: key)
        #expect(inclusion.status == 0 && inclusion.stdout.contains("event 3 is in the log"), "\(inclusion.stdout)")
        let consistency = try Self.consistency(docket, data: docket.workspace.file("data"), checkpoint: checkpoint, key: key)
        #expect(consistency.status == 0, "\(consistency.stdout)\(consistency.stderr)")

        let database = "docket.sqlite"
        for (name, sql, words) in [
            ("an edited event", "DROP TRIGGER auditEvent_appendOnly_update; UPDATE auditEvent SET subject = 'x' WHERE sequence = 4", "event 4"),
            ("a deleted event", "DROP TRIGGER auditEvent_appendOnly_delete; DELETE FROM auditEvent WHERE sequence = 4", "event 4 is missing"),
            ("the newest three deleted",
             "DROP TRIGGER auditEvent_appendOnly_delete; DELETE FROM auditEvent WHERE sequence > (SELECT MAX(sequence) - 3 FROM auditEvent)",
             "no event"),
            ("every event deleted", "DROP TRIGGER auditEvent_appendOnly_delete; DELETE FROM auditEvent", "no event"),
            ("the log rewritten from event 5 with fresh hashes", nil, "rewritten"),
        ] as [(String, String?, String)] {
            let copy = docket.workspace.file("tampered-\(UUID().uuidString)")
            #expect(try Command.run("cp", ["-R", docket.workspace.file("data"), copy]).status == 0)
            if let sql {
                #expect(try Command.run("sqlite3", ["\(copy)/\(database)", sql]).status == 0, "\(name)")
            } else {
                let script = try docket.workspace.write(Data(Self.rewrite.utf8), to: "rewrite.py")
                let rewritten = try Command.run("python3", [script, "\(copy)/\(database)", "5"])
                #expect(rewritten.status == 0, "\(rewritten.stderr)")
                // The hash chain alone no longer sees it: that is what the checkpoint is for.
                let chainOnly = try docket.run(["audit", "verify"], extra: ["DOCKET_DATA_DIR": copy])
                #expect(chainOnly.status == 0, "\(chainOnly.stdout)")
            }
            let verify = try docket.run(["audit", "verify", "--checkpoint", checkpoint], extra: ["DOCKET_DATA_DIR": copy])
            #expect(verify.status == 1 && verify.stdout.contains("BROKEN") && verify.stdout.contains(words), "\(name): \(verify.stdout)\(verify.stderr)")
            let offline = try Self.consistency(docket, data: copy, checkpoint: checkpoint, key: key)
            #expect(offline.status != 0, "\(name): the offline check passed: \(offline.stdout)")
            // Nor will the store sign a new checkpoint over the tampered log.
            let resign = try docket.run(["audit", "checkpoint"], extra: ["DOCKET_DATA_DIR": copy])
            #expect(resign.status != 0 && resign.stderr.contains("refusing to sign"), "\(name): \(resign.stdout)\(resign.stderr)")
        }
        #expect(signed > 5)
    }

    @Test func theServerKeepsACheckpointFromItsStart() throws {
        let office = try SecurityRegressionTests.Office()
        let database = office.docket.workspace.file("data/docket.sqlite")
        var kept = ""
        for _ in 0..<100 where kept.isEmpty {
            kept = try Command.run("sqlite3", [database, "SELECT size FROM auditCheckpoint"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if kept.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(Int(kept) ?? 0 > 0, "no checkpoint kept: '\(kept)'")
        let verified = try office.docket.run("audit", "verify", as: "kiem")
        #expect(verified.status == 0, "\(verified.stdout)")
    }

    static func size(of checkpoint: String) throws -> Int {
        Int(try String(contentsOfFile: checkpoint, encoding: .utf8).split(separator: "\n")[1]) ?? -1
    }

    static func offline(_ docket: DocketBinary, _ kind: String, _ file: String, key: String, old: String? = nil) throws -> CommandResult {
        try Command.run("python3", [verifier, kind, file, "--key", key] + (old.map { ["--old", $0] } ?? []))
    }

    /// The proof the store gives that it extends `checkpoint`, checked offline: fails when the
    /// store cannot give one, or when the verifier refuses it.
    static func consistency(_ docket: DocketBinary, data: String, checkpoint: String, key: String) throws -> CommandResult {
        let proof = try docket.run(["audit", "consistency", "--checkpoint", checkpoint], extra: ["DOCKET_DATA_DIR": data])
        guard proof.status == 0 else { return proof }
        let file = try docket.workspace.write(Data(proof.stdout.utf8), to: "consistency-\(UUID().uuidString).json")
        return try offline(docket, "consistency", file, key: key, old: checkpoint)
    }
}
