import DocketCore
import DocketCrypto
import Foundation

/// Files documents Docket writes itself (notices, attendance records): stores the bytes, signs
/// them, and records the document, its signature and the audit events in the caller's transaction.
struct SignedRecords: Sendable {
    let blobs: BlobStore
    let keys: KeyStore
    let audit: AuditLog
    let configuration: DocketConfiguration

    /// Stores and signs `content` with `signerID`'s own certificate when they have one, else the
    /// office's. A signing failure throws before anything is recorded.
    func file(
        _ content: Data, title: String, filename: String, mediaType: String, signerID: String?, actor: User,
        in writer: any StorageWriter
    ) throws -> Document {
        let signer = try signerID.flatMap { try keys.userSigner($0) } ?? keys.officeSigner()
        let signed = try KeyStore.translating { try signer.sign(content) }
        let blob = blobs.writer()
        try content.withUnsafeBytes { try blob.write($0) }
        let stored = try blob.commit()
        try stored.keep(in: writer, blobs: blobs)
        let now = configuration.time.now()
        let document = Document(
            id: configuration.identifiers.make("doc"), title: title, filename: filename, mediaType: mediaType,
            size: stored.size, sha256: stored.sha256, classification: .internal, createdBy: actor.id, createdAt: now)
        try audit.recordAdded(document, by: actor, in: writer)
        try audit.recordSigned(
            DocumentSignature(documentID: document.id, number: 1, signer: signer, signedBy: actor.id, signedAt: now, der: signed.der),
            in: writer)
        return document
    }
}
