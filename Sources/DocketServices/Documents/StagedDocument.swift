import DocketCore
import Foundation

/// New content in the blob store whose document is not recorded yet: the caller records it in
/// its own transaction and discards it if that transaction fails, so no stored content outlives a
/// document that was never made.
struct StagedDocument: Sendable {
    let document: Document
    /// Where the content is stored.
    let path: String
    private let isNew: Bool
    private let blobs: BlobStore

    /// Checks `new` for `actor`, then streams the content in with `fill`; an empty one, or one
    /// over `limit`, stores nothing.
    init(
        _ new: NewDocument, limit: Int64 = .max, as actor: User, blobs: BlobStore, configuration: DocketConfiguration,
        fill: (BlobWriter) async throws -> Void
    ) async throws {
        let metadata = try new.validated(for: actor)
        let writer = try blobs.writer(limit: limit)
        try await fill(writer)
        guard writer.size > 0 else {
            writer.abort()
            throw DocketError.invalid("content", "the document is empty (0 bytes arrived); send the file's bytes")
        }
        let blob = try writer.commit()
        document = Document(
            id: configuration.identifiers.make("doc"), title: metadata.title, filename: metadata.filename,
            mediaType: metadata.mediaType, size: blob.size, sha256: blob.sha256, classification: new.classification,
            createdBy: actor.id, createdAt: configuration.time.now())
        path = blobs.path(for: blob.sha256)
        isNew = blob.isNew
        self.blobs = blobs
    }

    /// Removes the content again, unless another document already had the same bytes.
    func discard() {
        if isNew { blobs.remove(document.sha256) }
    }
}
