import DocketCore
import Foundation

/// Whole-store checks (auditors and admins).
public struct StoreService: Sendable {
    let storage: any Storage
    let blobs: BlobStore

    /// Rehashes every blob and reports missing or corrupt ones by document, and the temporary files
    /// of uploads whose writer died. With `repair` (admins) those are removed; blobs never are.
    public func check(repair: Bool = false, as actor: User) async throws -> StoreCheck {
        try actor.require(.checkStore)
        if repair { try actor.require(.repairStore) }
        var result = StoreCheck(
            documentsChecked: 0, blobsChecked: 0, bytesChecked: 0, problems: [],
            abandonedUploads: blobs.abandonedTemporaryFiles(remove: repair), orphanBlobs: [], repaired: repair)
        var checked: Set<String> = []
        var bad: [String: BlobProblem.Kind] = [:]
        var cursor = ""
        while true {
            let after = cursor
            let batch = try await storage.read { try $0.documents(after: after, limit: 500) }
            guard let last = batch.last else { break }
            cursor = last.id
            for document in batch {
                result.documentsChecked += 1
                if checked.insert(document.sha256).inserted {
                    result.blobsChecked += 1
                    if let stored = try blobs.rehash(document.sha256) {
                        result.bytesChecked += stored.size
                        if stored.sha256 != document.sha256 { bad[document.sha256] = .corrupt }
                    } else {
                        bad[document.sha256] = .missing
                    }
                }
                guard let kind = bad[document.sha256] else { continue }
                let path = blobs.path(for: document.sha256)
                let detail = kind == .missing ? "the blob \(path) is missing" : "the blob \(path) no longer hashes to its SHA-256"
                result.problems.append(BlobProblem(documentID: document.id, sha256: document.sha256, kind: kind, detail: detail))
            }
        }
        result.orphanBlobs = blobs.storedDigests().filter { !checked.contains($0) }.map(blobs.path(for:))
        return result
    }

    /// Removes the temporary files of uploads whose writer died; `docket serve` does it at start.
    @discardableResult
    public func sweepAbandonedUploads() -> Int { blobs.abandonedTemporaryFiles(remove: true).count }
}
