import DocketTestSupport
import Foundation
import Testing

/// The whole flow a clerk and an auditor follow, through the real binary, checked by openssl.
@Suite struct CLITourTests {
    @Test func initAddSignVerifyExportThenOpenSSLAgrees() throws {
        let docket = try DocketBinary()
        let initialised = try docket.run("init", "--org", "Ban Chỉ đạo Chuyển đổi số")
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(initialised.stdout.contains("Admin token (shown once"))

        #expect(try docket.run("user", "add", "thuky", "--roles", "clerk,chair", "--clearance", "secret").status == 0)
        #expect(try docket.run("user", "add", "kiemtra", "--roles", "auditor", "--clearance", "top-secret").status == 0)
        let content = sampleBytes(150_000)
        try docket.workspace.write(content, to: "Thông báo 06.pdf")
        let added = try docket.run(
            "doc", "add", "Thông báo 06.pdf", "--title", "Thông báo kết luận", "--classification", "confidential",
            "--json", as: "thuky")
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(try docket.json(added)["id"] as? String)

        #expect(try docket.run("doc", "sign", id, as: "thuky").status == 0)
        let verified = try docket.run("doc", "verify", id, as: "kiemtra")
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("VALID"))

        let exported = try docket.run("doc", "export", id, "--dir", "out", as: "kiemtra")
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try docket.run("keys", "export-ca", "-o", "root.pem").status == 0)
        let out = docket.workspace.file("out")
        let openssl = try Command.run(
            "openssl",
            ["cms", "-verify", "-binary", "-inform", "DER", "-in", "\(out)/Thông báo 06.pdf.1.p7s", "-content",
             "\(out)/Thông báo 06.pdf", "-CAfile", docket.workspace.file("root.pem"), "-purpose", "any", "-out", "/dev/null"])
        #expect(openssl.status == 0, "\(openssl.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/Thông báo 06.pdf")) == content)

        // Offline: no data directory at all.
        let offline = try Command.run(
            DocketBinary.path,
            ["verify", "\(out)/Thông báo 06.pdf", "--signature", "\(out)/Thông báo 06.pdf.1.p7s", "--ca", docket.workspace.file("root.pem")],
            directory: out)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("signing time"))

        // One changed byte: both Docket and openssl refuse.
        var changed = content
        changed[77] ^= 1
        try changed.write(to: URL(fileURLWithPath: "\(out)/Thông báo 06.pdf"))
        let refused = try Command.run(
            DocketBinary.path,
            ["verify", "\(out)/Thông báo 06.pdf", "--signature", "\(out)/Thông báo 06.pdf.1.p7s", "--ca", docket.workspace.file("root.pem")])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("does not match the signed digest"))

        let audit = try docket.run("audit", "verify", as: "kiemtra")
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("Audit chain intact"))
    }

    @Test func aClerkCreatesABodyAndWalksASessionThroughItsLifecycle() throws {
        let docket = try DocketBinary()
        #expect(try docket.run("init").status == 0)
        #expect(try docket.run("user", "add", "lan", "--roles", "clerk").status == 0)
        let body = try docket.run(
            "body", "create", "--name", "Ban Chỉ đạo Chuyển đổi số", "--code", "BCĐCĐS", "--term", "2020-2025", as: "lan")
        #expect(body.status == 0, "\(body.stderr)")
        let created = try docket.run(
            "session", "create", "--body", "BCĐCĐS", "--title", "Phiên họp thứ 2", "--starts-at", "2025-03-10T08:00+07:00",
            "--location", "Hà Nội", "--json", as: "lan")
        #expect(created.status == 0, "\(created.stderr)")
        let session = try docket.json(created)
        let id = try #require(session["id"] as? String)
        #expect(session["startsAt"] as? String == "2025-03-10T01:00:00.000Z")
        let skipped = try docket.run("session", "advance", id, "open", as: "lan")
        #expect(skipped.status == 6)
        #expect(skipped.stderr.contains("is draft and cannot become open"))
        #expect(try docket.run("session", "invite", id, "admin", "--role", "chair", as: "lan").status == 0)
        for state in ["scheduled", "open", "closed", "archived"] {
            #expect(try docket.run("session", "advance", id, state, as: "lan").status == 0)
        }
        let listed = try docket.run("session", "list", "--body", "BCĐCĐS", as: "lan")
        #expect(listed.stdout.contains("archived"))
        #expect(listed.stdout.contains("Phiên họp thứ 2"))
    }

    /// Signing and verifying call the system OpenSSL. The PostgreSQL driver (postgres-nio) brings
    /// swift-nio-ssl's and swift-crypto's BoringSSL for its TLS and SCRAM, with every symbol
    /// prefixed (CNIOBoringSSL_, CCryptoBoringSSL_): no OpenSSL name is defined in the binary, so
    /// none can stand in for the system library's.
    @Test func theBinaryLinksTheSystemOpenSSLAndSQLiteAndDefinesNoneOfTheirFunctions() throws {
        let libraries = try Command.output("ldd", [DocketBinary.path])
        #expect(libraries.contains("libcrypto.so.3"))
        #expect(libraries.contains("libsqlite3.so.0"))
        let imported = try Command.output("nm", ["-D", "--undefined-only", DocketBinary.path])
        for function in ["CMS_sign@OPENSSL_3", "CMS_verify@OPENSSL_3", "sqlite3_open_v2"] {
            #expect(imported.contains(function), "\(function) comes from the system library")
        }
        let defined = try Command.output("nm", ["--defined-only", DocketBinary.path]).split(separator: "\n")
            .compactMap { $0.split(separator: " ").last }
        let openSSLNames = defined.filter { name in
            ["CMS_", "EVP_", "X509_", "SHA256_", "OPENSSL_", "sqlite3_"].contains { name.hasPrefix($0) }
        }
        #expect(openSSLNames.isEmpty, "defined in the binary: \(openSSLNames.prefix(5))")
    }

    @Test func errorsAreOneLineWithDocumentedExitCodes() throws {
        let docket = try DocketBinary()
        #expect(try docket.run("init").status == 0)
        let again = try docket.run("init")
        #expect(again.status == 6)
        #expect(again.stderr.contains("already holds a Docket store"))

        let badClass = try docket.run("user", "add", "x", "--roles", "clerk", "--clearance", "ultra")
        #expect(badClass.status == 2)
        #expect(badClass.stderr == "docket: unknown classification 'ultra'; expected one of public, internal, confidential, secret, top-secret [clearance]\n")

        #expect(try docket.run("doc", "show", "doc-missing").status == 3)
        #expect(try docket.run("doc", "list", as: "nobody").status == 4)
        #expect(try docket.run("user", "add", "aud", "--roles", "auditor").status == 0)
        try docket.workspace.write(Data("x".utf8), to: "x.txt")
        let forbidden = try docket.run("doc", "add", "x.txt", as: "aud")
        #expect(forbidden.status == 5)
        #expect(forbidden.stderr.contains("may not add documents"))

        let noStore = try Command.run(DocketBinary.path, ["doc", "list", "--data-dir", "/nonexistent/place", "--as", "admin"])
        #expect(noStore.status == 3)
        #expect(noStore.stderr.contains("docket init"))
    }

    @Test func aPassphraseProtectedKeyWithoutItsPassphraseFailsClearly() throws {
        let docket = try DocketBinary()
        let secret = ["DOCKET_KEY_PASSPHRASE": "mật khẩu dài"]
        #expect(try docket.run("init", extra: secret).status == 0)
        try docket.workspace.write(Data("x".utf8), to: "x.txt")
        let added = try docket.run("doc", "add", "x.txt", "--json")
        let id = try #require(try docket.json(added)["id"] as? String)
        let unsigned = try docket.run("doc", "sign", id)
        #expect(unsigned.status == 8)
        #expect(unsigned.stderr.contains("is encrypted; set DOCKET_KEY_PASSPHRASE"))
        let wrong = try docket.run("doc", "sign", id, extra: ["DOCKET_KEY_PASSPHRASE": "sai"])
        #expect(wrong.status == 8)
        #expect(wrong.stderr.contains("does not open"))
        #expect(try docket.run("doc", "sign", id, extra: secret).status == 0)
    }

    /// Large content altered in its file, small content altered in its database row: both named.
    @Test(arguments: [4096, 70_000]) func storeCheckReportsAnAlteredBlob(size: Int) throws {
        let docket = try DocketBinary()
        #expect(try docket.run("init").status == 0)
        try docket.workspace.write(sampleBytes(size), to: "a.bin")
        let sha256 = try #require(try docket.json(try docket.run("doc", "add", "a.bin", "--json"))["sha256"] as? String)
        #expect(try docket.run("store", "check").status == 0)
        let blob = docket.workspace.file("data/blobs/\(sha256.prefix(2))/\(sha256.dropFirst(2))")
        if FileManager.default.fileExists(atPath: blob) {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: blob))
            bytes[0] ^= 0xff
            try bytes.write(to: URL(fileURLWithPath: blob))
        } else {
            let database = docket.workspace.file("data/docket.sqlite")
            _ = try Command.output("sqlite3", [database, "UPDATE smallBlob SET content = x'00' || substr(content, 2) WHERE sha256 = '\(sha256)'"])
        }
        let check = try docket.run("store", "check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("CORRUPT"), "\(check.stdout)")
    }
}
