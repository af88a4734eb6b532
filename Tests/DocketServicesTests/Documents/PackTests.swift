import DocketCore
import DocketPack
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// Agenda packs checked by tools nobody here wrote, and tampered with byte by byte.
@Suite struct PackTests {
    static let schemaPath = repositoryFile("Schemas/agenda-pack.schema.json")

    @Test(arguments: Backend.all) func unzipJsonschemaOpensslAndSha256sumAllAgreeWithThePack(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession()
        let pack = try await store.writePack(prepared.session.id, as: store.clerk)

        let tested = try Command.run("unzip", ["-t", pack])
        #expect(tested.status == 0, "\(tested.stdout)")
        let extracted = store.directory.file("extracted")
        #expect(try Command.run("unzip", ["-q", pack, "-d", extracted]).status == 0)

        let validated = try Command.run(
            "python3",
            ["-c", """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator,
                                    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
                """, Self.schemaPath, "\(extracted)/manifest.json"])
        #expect(validated.status == 0, "\(validated.stderr)")

        let verified = try Command.run(
            "openssl",
            ["cms", "-verify", "-binary", "-inform", "DER", "-in", "\(extracted)/manifest.json.p7s", "-content",
             "\(extracted)/manifest.json", "-CAfile", store.rootPath, "-purpose", "any", "-out", "/dev/null"])
        #expect(verified.status == 0, "\(verified.stderr)")

        let manifest = try JSONDecoder().decode(
            PackManifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(extracted)/manifest.json")))
        #expect(manifest.files.count == 5)  // chain, document, its signature, the secret document, index
        let sums = try Command.run("sha256sum", manifest.files.map { "\(extracted)/\($0.path)" }).stdout
        for file in manifest.files {
            #expect(sums.contains("\(file.sha256)  \(extracted)/\(file.path)"), "\(file.path)")
        }
        let document = try #require(manifest.documents.first { $0.id == prepared.openDocument.id })
        #expect(document.sha256 == prepared.openDocument.sha256)
        let signature = try #require(document.signatures.first?.path)
        let documentVerified = try Command.run(
            "openssl",
            ["cms", "-verify", "-binary", "-inform", "DER", "-in", "\(extracted)/\(signature)", "-content",
             "\(extracted)/\(try #require(document.path))", "-CAfile", store.rootPath, "-purpose", "any", "-out", "/dev/null"])
        #expect(documentVerified.status == 0, "\(documentVerified.stderr)")
        let index = try String(contentsOfFile: "\(extracted)/index.html", encoding: .utf8)
        let documentPath = try #require(document.path)
        #expect(index.contains("Khai mạc") && index.contains("href=\"\(documentPath)\""))

        let report = try PackCheck.verify(packAt: pack, caPath: store.rootPath)
        #expect(report.valid, "\(report.problems)")
        #expect(report.signer?.contains("Office") == true)
        #expect(report.files.count == 5)
    }

    @Test(arguments: Backend.all) func aDocumentAboveTheDelegatesClearanceLeavesNothingOfItselfInThePack(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession()
        #expect(await thrownError {
            try await store.docket.packs.pack(prepared.session.id, as: store.delegate)
        }?.kind == .init(.notFound, "id"), "a draft is not the delegate's yet")
        _ = try await store.docket.sessions.advance(prepared.session.id, to: .scheduled, as: store.clerk)
        let pack = try await store.writePack(prepared.session.id, as: store.delegate)
        let report = try PackCheck.verify(packAt: pack, caPath: store.rootPath)
        #expect(report.valid, "\(report.problems)")
        let manifest = try await store.docket.packs.pack(prepared.session.id, as: store.delegate).manifest
        #expect(manifest.documents.map(\.id) == [prepared.openDocument.id])
        // Its scheduling event is proved into the audit log; the checkpoint it carries is the store's own.
        #expect(report.auditEvent?.hasPrefix("event ") == true, "\(report)")
        let anchor = try #require(manifest.audit)
        #expect(try await store.docket.auditLog.verify(as: store.auditor, against: anchor.checkpoint).isIntact)
        #expect(manifest.agenda?.items.map(\.withheldMaterial) == [false, true])
        #expect(manifest.agenda?.items[1].documents.isEmpty == true)
        let listing = try Command.run("unzip", ["-Z1", pack])
        #expect(listing.status == 0 && !listing.stdout.contains(prepared.secretDocument.id))
        // Not its id, title, file name or hash, in any member (the pack is stored, not compressed).
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pack))
        let secret = prepared.secretDocument
        for trace in [secret.id, secret.title, secret.filename, secret.sha256] {
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "the pack mentions \(trace)")
        }
        let secretBytes = try await store.docket.documents.content(prepared.secretDocument.id, as: store.clerk).content.data()
        #expect(bytes.range(of: secretBytes) == nil)
    }

    @Test(arguments: Backend.all) func everyFlippedByteAndEveryAddedOrRemovedFileIsNamed(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession()
        let pack = try await store.writePack(prepared.session.id, as: store.clerk)
        let original = try Data(contentsOf: URL(fileURLWithPath: pack))
        let tampered = store.directory.file("tampered.zip")

        // Positions spread over every member's header, data and descriptor, the central directory
        // and the end record: every 97th byte, plus the first and last few.
        var positions = Array(stride(from: 0, to: original.count, by: 97))
        positions += Array(0..<8) + Array((original.count - 30)..<original.count)
        for position in Set(positions).sorted() {
            var bytes = original
            bytes[position] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: tampered))
            let report = try PackCheck.verify(packAt: tampered, caPath: store.rootPath)
            #expect(!report.valid, "flipping byte \(position) went unnoticed")
            #expect(!report.problems.isEmpty && report.problems.allSatisfy { !$0.isEmpty })
        }

        // An extra file, added with Info-ZIP.
        let extra = store.directory.file("extra.zip")
        try original.write(to: URL(fileURLWithPath: extra))
        let note = try store.directory.write(Data("not from the office".utf8), to: "note.txt")
        #expect(try Command.run("zip", ["-j", "-q", extra, note]).status == 0)
        let added = try PackCheck.verify(packAt: extra, caPath: store.rootPath)
        #expect(!added.valid)
        #expect(added.problems.joined().contains("note.txt"), "\(added.problems)")

        // A removed file, removed with Info-ZIP: the manifest names it as missing.
        let removed = store.directory.file("removed.zip")
        try original.write(to: URL(fileURLWithPath: removed))
        #expect(try Command.run("zip", ["-d", "-q", removed, "index.html"]).status == 0)
        let missing = try PackCheck.verify(packAt: removed, caPath: store.rootPath)
        #expect(!missing.valid)
        #expect(missing.problems.joined().contains("index.html"), "\(missing.problems)")

        // A pack signed by another organisation's office is untrusted here.
        let other = try await TestStore(backend)
        let report = try PackCheck.verify(packAt: pack, caPath: other.rootPath)
        #expect(!report.valid)
        #expect(report.problems.joined().contains("not trusted"), "\(report.problems)")
    }

    @Test(arguments: Backend.all) func aFlippedByteInsideADocumentIsNamedByItsPath(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession()
        let pack = try await store.writePack(prepared.session.id, as: store.clerk)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: pack))
        let content = try await store.docket.documents.content(prepared.openDocument.id, as: store.clerk).content.data()
        let start = try #require(bytes.range(of: content)).lowerBound
        bytes[start + content.count / 2] ^= 0x80
        try bytes.write(to: URL(fileURLWithPath: pack))
        let report = try PackCheck.verify(packAt: pack, caPath: store.rootPath)
        #expect(!report.valid)
        #expect(report.problems.contains { $0.contains("documents/Tờ trình.pdf") }, "\(report.problems)")
    }

    /// Packs written before members were marked as made on Unix said MS-DOS: such a pack still verifies.
    @Test(arguments: Backend.all) func aPackWrittenAsMadeOnMSDOSStillVerifies(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession()
        let pack = try await store.writePack(prepared.session.id, as: store.clerk)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: pack))
        var rewritten = 0
        var from = bytes.startIndex
        while let found = bytes.range(of: Data([0x50, 0x4B, 0x01, 0x02]), in: from..<bytes.endIndex) {
            let start = found.lowerBound
            #expect(bytes[start + 5] == 3, "made on Unix")
            bytes[start + 5] = 0  // made by: MS-DOS
            bytes.replaceSubrange(start + 38..<start + 42, with: [0, 0, 0, 0])  // no external attributes
            rewritten += 1
            from = found.upperBound
        }
        #expect(rewritten == 7)  // manifest, its signature, chain, two documents, a signature, index
        try bytes.write(to: URL(fileURLWithPath: pack))
        let report = try PackCheck.verify(packAt: pack, caPath: store.rootPath)
        #expect(report.valid, "\(report.problems)")
    }
}

