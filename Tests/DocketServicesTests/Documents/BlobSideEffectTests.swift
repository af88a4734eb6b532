import DocketCore
import DocketTestSupport
import Foundation
import Testing

@testable import DocketServices

/// Side effects outside the database follow the commit: a blob stored for a change that rolls
/// back is removed, and `store check` names any blob no document refers to.
@Suite struct BlobSideEffectTests {
    struct Abandoned: Error {
        let sha256: String
    }

    /// Small content (a row of the transaction) and large content (a file removed after it).
    @Test(arguments: Backend.all, [100, Int(BlobStore.smallLimit) + 1])
    func aSignedRecordsBlobIsRemovedWhenItsTransactionRollsBack(_ backend: Backend, size: Int) async throws {
        let store = try await TestStore(backend)
        let docket = store.docket
        let clerk = store.clerk
        var stored: String?
        do {
            try await docket.storage.write { writer in
                let document = try docket.signedRecords.file(
                    sampleBytes(size), title: "Thông báo", filename: "tb.html", mediaType: "text/html",
                    signerID: nil, actor: clerk, in: writer)
                throw Abandoned(sha256: document.sha256)
            }
        } catch let error as Abandoned {
            stored = error.sha256
        }
        let sha256 = try #require(stored, "the transaction rolled back")
        #expect(!FileManager.default.fileExists(atPath: docket.blobs.path(for: sha256)))
        let blobs = try store.storedBlobs()
        #expect(blobs.files == [] && blobs.small == 0)
        let check = try await docket.store.check(as: store.auditor)
        #expect(check.orphanBlobs.isEmpty && check.isHealthy)
    }

    @Test(arguments: Backend.all) func storeCheckNamesABlobNoDocumentRefersTo(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.addDocument(sampleBytes(100))
        let stray = String(repeating: "ab", count: 32)
        let path = store.docket.blobs.path(for: stray)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        // And a row of small content no document refers to, written behind Docket's back.
        _ = try store.sql("INSERT INTO smallBlob (sha256, content) VALUES ('\(stray)', \(backend == .sqlite ? "x'78'" : "'\\x78'::bytea"))")
        let check = try await store.docket.store.check(as: store.auditor)
        #expect(check.orphanBlobs == [path, "smallBlob \(stray) in the database"])
        #expect(check.problems.isEmpty && check.documentsChecked == 1)
    }
}
