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
        let blob = try blobs.writer()
        try content.withUnsafeBytes { try blob.write($0) }
        let stored = try blob.commit()
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

/// HTML escaping for the documents Docket renders.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A complete, self-contained page readable on a tablet.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>body{font-family:serif;max-width:46em;margin:1em auto;padding:0 1em;line-height:1.5}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left}
        .symbol{font-weight:bold}.muted{color:#555}</style></head>
        <body>
        \(body)
        </body></html>

        """
    }
}
