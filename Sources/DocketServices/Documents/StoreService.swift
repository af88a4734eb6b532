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
        let blobs = blobs
        while true {
            let after = cursor
            let batch = try await storage.read { reader in
                try reader.documents(after: after, limit: 500).map { ($0, try blobs.content($0.sha256, in: reader)) }
            }
            guard let last = batch.last else { break }
            cursor = last.0.id
            for (document, content) in batch {
                result.documentsChecked += 1
                if checked.insert(document.sha256).inserted {
                    result.blobsChecked += 1
                    if let stored = try content?.rehash() {
                        result.bytesChecked += stored.size
                        if stored.sha256 != document.sha256 { bad[document.sha256] = .corrupt }
                    } else {
                        bad[document.sha256] = .missing
                    }
                }
                guard let kind = bad[document.sha256] else { continue }
                let place = if case .bytes = content { Self.row(document.sha256) } else { blobs.path(for: document.sha256) }
                let detail = kind == .missing ? "the blob \(place) is missing" : "the blob \(place) no longer hashes to its SHA-256"
                result.problems.append(BlobProblem(documentID: document.id, sha256: document.sha256, kind: kind, detail: detail))
            }
        }
        let small = try await storage.read { try $0.smallBlobDigests() }
        result.orphanBlobs =
            blobs.storedDigests().filter { !checked.contains($0) }.map(blobs.path(for:))
            + small.filter { !checked.contains($0) }.map(Self.row)
        return result
    }

    /// How a report names small content: by its row in the database (a large blob by its file).
    private static func row(_ sha256: String) -> String { "smallBlob \(sha256) in the database" }

    /// Removes the temporary files of uploads whose writer died; `docket serve` does it at start.
    @discardableResult
    public func sweepAbandonedUploads() -> Int { blobs.abandonedTemporaryFiles(remove: true).count }
}
