import DocketCore
import Foundation

/// New content whose document is not recorded yet: the caller records it with `record` in its own
/// transaction, which keeps small content in the database, and discards it if that transaction
/// fails, so no stored content outlives a document that was never made.
struct StagedDocument: Sendable {
    let document: Document
    /// The content, for reading it before it is recorded.
    let content: BlobContent
    private let blob: StoredBlob
    private let blobs: BlobStore

    /// Checks `new` for `actor`, then streams the content in with `fill`; an empty one, or one
    /// over `limit`, stores nothing.
    init(
        _ new: NewDocument, limit: Int64 = .max, as actor: User, blobs: BlobStore, configuration: DocketConfiguration,
        fill: (BlobWriter) async throws -> Void
    ) async throws {
        let metadata = try new.validated(for: actor)
        let writer = blobs.writer(limit: limit)
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
        content = blob.small.map(BlobContent.bytes) ?? .file(blobs.path(for: blob.sha256))
        self.blob = blob
        self.blobs = blobs
    }

    /// Records the document, and keeps its content, in `writer`'s transaction.
    func record(by actor: User, audit: AuditLog, in writer: any StorageWriter) throws {
        try blob.keep(in: writer, blobs: blobs)
        try audit.recordAdded(document, by: actor, in: writer)
    }

    /// Removes a file placed for it again, unless another document already had the same bytes
    /// (for a failure before its transaction).
    func discard() {
        if blob.isNewFile { blobs.remove(document.sha256) }
    }
}
