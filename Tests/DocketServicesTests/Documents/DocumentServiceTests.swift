import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

@Suite struct DocumentServiceTests {
    @Test(arguments: Backend.all) func identicalContentIsStoredOnceInTheDatabaseWhenSmallAndAsAFileWhenLarge(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let first = try await store.addDocument(sampleBytes(5000))
        let second = try await store.addDocument(sampleBytes(5000), filename: "copy.pdf")
        #expect(first.id != second.id)
        #expect(first.sha256 == second.sha256)
        #expect(try store.sql("SELECT sha256, length(content) FROM smallBlob") == "\(first.sha256)|5000")

        // One byte over the limit spills into a file of the blob store, again stored once.
        let size = Int(BlobStore.smallLimit) + 1
        let large = try await store.addDocument(sampleBytes(size))
        _ = try await store.addDocument(sampleBytes(size), filename: "copy.pdf")
        let blobs = try FileManager.default.subpathsOfDirectory(atPath: store.docket.directory.blobs.path)
            .filter { $0.count == 65 }
        #expect(blobs == ["\(large.sha256.prefix(2))/\(large.sha256.dropFirst(2))"])
        #expect(try store.sql("SELECT count(*) FROM smallBlob") == "1")
        let (_, content) = try await store.docket.documents.content(large.id, as: store.clerk)
        #expect(try content.data() == sampleBytes(size))
    }

    @Test(arguments: Backend.all) func aSmallBlobAlteredInTheDatabaseIsReportedByStoreCheckAndVerify(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let document = try await store.addDocument(sampleBytes(2_000))
        _ = try await store.docket.documents.sign(document.id, as: store.chair)
        #expect(try await store.docket.documents.verify(document.id, as: store.auditor).isValid)
        // A byte flipped behind Docket's back, by the database's own client.
        let zero = backend == .sqlite ? "zeroblob(1)" : "'\\x00'::bytea"
        _ = try store.sql("UPDATE smallBlob SET content = \(zero) || substr(content, 2) WHERE sha256 = '\(document.sha256)'")

        let check = try await store.docket.store.check(as: store.auditor)
        #expect(check.problems.map(\.documentID) == [document.id])
        #expect(check.problems.map(\.kind) == [.corrupt])
        #expect(check.problems.first?.detail == "the blob smallBlob \(document.sha256) in the database no longer hashes to its SHA-256")
        let verification = try await store.docket.documents.verify(document.id, as: store.auditor)
        #expect(!verification.isValid)
        #expect(verification.contentProblem?.contains("altered") == true)
    }

    @Test(arguments: Backend.all) func aBlobAlteredOnDiskIsReportedByStoreCheckAndVerify(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let document = try await store.addDocument(sampleBytes(Int(BlobStore.smallLimit) + 20_000))
        _ = try await store.docket.documents.sign(document.id, as: store.chair)
        #expect(try await store.docket.store.check(as: store.auditor).isHealthy)
        #expect(try await store.docket.documents.verify(document.id, as: store.auditor).isValid)

        let path = store.docket.directory.blobs.appendingPathComponent(String(document.sha256.prefix(2)))
            .appendingPathComponent(String(document.sha256.dropFirst(2))).path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[100] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: path))

        let check = try await store.docket.store.check(as: store.auditor)
        #expect(check.problems.map(\.documentID) == [document.id])
        #expect(check.problems.map(\.kind) == [.corrupt])
        #expect(check.problems.first?.detail == "the blob \(path) no longer hashes to its SHA-256")
        let verification = try await store.docket.documents.verify(document.id, as: store.auditor)
        #expect(!verification.isValid)
        #expect(verification.contentProblem?.contains("altered") == true)

        try FileManager.default.removeItem(atPath: path)
        #expect(try await store.docket.store.check(as: store.auditor).problems.map(\.kind) == [.missing])
    }

    @Test(arguments: Backend.all) func coSigningListsEachSigner(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let document = try await store.addDocument(sampleBytes(300))
        _ = try await store.docket.keyring.issueUserCertificate("chair", as: store.admin)
        _ = try await store.docket.documents.sign(document.id, as: store.clerk)
        _ = try await store.docket.documents.sign(document.id, as: store.chair)
        let signatures = try await store.docket.documents.signatures(document.id, as: store.auditor)
        #expect(signatures.map(\.number) == [1, 2])
        #expect(signatures[0].signerSubject.contains("Office"))
        #expect(signatures[1].signerSubject.hasPrefix("CN=chair"))
        let verification = try await store.docket.documents.verify(document.id, as: store.auditor)
        #expect(verification.isValid)
        #expect(verification.signatures.count == 2)
    }

    @Test(arguments: Backend.all) func clearanceLimitsReading(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let secret = try await store.addDocument(sampleBytes(10), classification: .secret)
        // The auditor (top-secret) reads it; a delegate (internal) is told it does not exist.
        _ = try await store.docket.documents.get(secret.id, as: store.auditor)
        await #expect(throws: DocketError.notFound("document", secret.id)) {
            try await store.docket.documents.get(secret.id, as: store.delegate)
        }
        // The clerk (secret) may not file a top-secret document.
        #expect(await thrownError {
            try await store.addDocument(sampleBytes(10), classification: .topSecret)
        }?.kind == .init(.invalidInput, "classification"))
        let listed = try await store.docket.documents.list(DocumentFilter(), page: .first, as: store.delegate)
        #expect(listed.items.isEmpty)
    }

    @Test(arguments: Backend.all) func anAuditorChangesNothing(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let document = try await store.addDocument(sampleBytes(10))
        let before = try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.auditor).total
        #expect(await thrownError { try await store.docket.documents.sign(document.id, as: store.auditor) }?.kind == .init(.forbidden))
        let path = try store.directory.write(sampleBytes(10), to: "x")
        #expect(await thrownError {
            try await store.docket.documents.add(fileAt: path, NewDocument(filename: "x"), as: store.auditor)
        }?.kind == .init(.forbidden))
        #expect(await thrownError {
            try await store.docket.users.add(NewUser(username: "eve", roles: [.admin]), as: store.auditor)
        }?.kind == .init(.forbidden))
        let after = try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.auditor).total
        #expect(before == after)
    }

    @Test(arguments: Backend.all) func anUploadOverTheLimitStoresNothing(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        #expect(await thrownError {
            try await store.docket.documents.add(NewDocument(filename: "big.bin"), limit: 1000, as: store.clerk) { writer in
                try sampleBytes(2000).withUnsafeBytes { try writer.write($0) }
            }
        }?.kind == .init(.tooLarge, "content"))
        let blobs = try store.storedBlobs()
        #expect(blobs.files == [] && blobs.small == 0)
        #expect(try await store.docket.documents.list(DocumentFilter(), page: .first, as: store.admin).total == 0)
    }

    @Test(arguments: Backend.all) func badInputNamesTheField(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let path = try store.directory.write(sampleBytes(10), to: "x.pdf")
        await #expect(throws: DocketError.invalid("mediaType", "'nonsense' is not a media type such as application/pdf")) {
            try await store.docket.documents.add(fileAt: path, NewDocument(filename: "x.pdf", mediaType: "nonsense"), as: store.clerk)
        }
        #expect(await thrownError {
            try await store.docket.documents.add(fileAt: store.directory.file("missing"), NewDocument(filename: "m"), as: store.clerk)
        }?.kind == .init(.invalidInput, "file"))
    }
}

@Suite struct StoreLifecycleTests {
    @Test(arguments: Backend.all) func initRefusesAnExistingStoreAndChangesNothing(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let before = try Data(contentsOf: store.docket.directory.keys.appendingPathComponent("root-ca.pem"))
        #expect(await thrownError {
            try await Docket.initialize(store.docket.directory, organisation: "Other", configuration: TestStore.configuration())
        }?.kind == .init(.conflict, "data-dir"))
        #expect(try Data(contentsOf: store.docket.directory.keys.appendingPathComponent("root-ca.pem")) == before)
    }

    @Test(arguments: Backend.all) func keysAreWrittenWithMode0600AndEncryptedWithAPassphrase(_ backend: Backend) async throws {
        let store = try await TestStore(backend, passphrase: "s3cret pass")
        for name in ["root-ca.key.pem", "office.key.pem"] {
            let path = store.docket.directory.keys.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("BEGIN ENCRYPTED PRIVATE KEY"))
        }
        let document = try await store.addDocument(sampleBytes(10))
        _ = try await store.docket.documents.sign(document.id, as: store.clerk)
        // The same store opened without the passphrase cannot sign, and says why.
        let reopened = try Docket.open(store.docket.directory, configuration: TestStore.configuration())
        await #expect(throws: DocketError(.keyUnavailable, "the private key office.key.pem is encrypted; set DOCKET_KEY_PASSPHRASE to its passphrase", field: "key")) {
            try await reopened.documents.sign(document.id, as: store.clerk)
        }
    }

    @Test(arguments: Backend.all) func tokensExpireAndDisabledUsersAreLockedOut(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let token = try await store.docket.users.createToken(for: "clerk", expiresInDays: 1, as: store.admin)
        #expect(try await store.docket.users.authenticate(token: token.token).user.id == store.clerk.id)
        let login = try await store.docket.users.login(username: "clerk", password: "clerk-password")
        #expect(try await store.docket.users.authenticate(token: login.token).user.id == store.clerk.id)
        #expect(await thrownError { try await store.docket.users.login(username: "clerk", password: "wrong") }?.kind == .init(.unauthenticated))
        _ = try await store.docket.users.disable("clerk", as: store.admin)
        #expect(await thrownError { try await store.docket.users.authenticate(token: token.token) }?.kind == .init(.unauthenticated))
        // Only hashes are stored.
        let dump = try store.sql("SELECT secretHash FROM accessToken")
        #expect(!dump.contains(token.token))
        #expect(dump.contains(String(token.token.dropFirst(4).prefix(8))) == false)
    }

    @Test(arguments: Backend.all) func importingASignerFromAnotherCARequiresItsChain(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let dir = store.directory
        // A "government CA" made with the openssl command line.
        for command in [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.file("gov.key"),
             "-out", dir.file("gov.pem"), "-subj", "/CN=Gov Root CA", "-days", "30",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
            ["req", "-utf8", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.file("signer.key"),
             "-out", dir.file("signer.csr"), "-subj", "/CN=Chánh Văn phòng"],
            ["x509", "-req", "-in", dir.file("signer.csr"), "-CA", dir.file("gov.pem"), "-CAkey", dir.file("gov.key"),
             "-CAcreateserial", "-out", dir.file("signer.pem"), "-days", "30"],
        ] {
            let result = try Command.run("openssl", command)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let cert = try Data(contentsOf: URL(fileURLWithPath: dir.file("signer.pem")))
        let key = try Data(contentsOf: URL(fileURLWithPath: dir.file("signer.key")))
        let chain = try Data(contentsOf: URL(fileURLWithPath: dir.file("gov.pem")))
        #expect(await thrownError {
            try await store.docket.keyring.importOfficeSigner(certificate: cert, key: key, chain: nil, as: store.admin)
        }?.kind == .init(.invalidInput, "chain"))
        #expect(await thrownError {
            try await store.docket.keyring.importOfficeSigner(certificate: cert, key: key, chain: chain, as: store.clerk)
        }?.kind == .init(.forbidden))
        let imported = try await store.docket.keyring.importOfficeSigner(certificate: cert, key: key, chain: chain, as: store.admin)
        #expect(imported.issuer == "CN=Gov Root CA")
        let document = try await store.addDocument(sampleBytes(100))
        let signature = try await store.docket.documents.sign(document.id, as: store.clerk)
        #expect(signature.signerSubject == "CN=Chánh Văn phòng")
        #expect(try await store.docket.documents.verify(document.id, as: store.auditor).isValid)
        let roots = String(decoding: try store.docket.keyring.trustedRootsPEM(), as: UTF8.self)
        #expect(roots.components(separatedBy: "BEGIN CERTIFICATE").count == 3)
    }
}
