import DocketCore
import DocketCrypto
import DocketPack
import Foundation

/// Collects a signed pack's members and their manifest entries: small files in memory, documents
/// streamed from the blob store with their detached signatures beside them.
struct PackBuilder {
    private(set) var members: [(name: String, content: SignedPack.Content)] = []
    private(set) var files: [PackManifest.File] = []
    private(set) var documents: [PackManifest.DocumentEntry] = []
    /// Document file names already taken in `documents/`.
    private var names = ExportNames(reserved: [])


    mutating func add(_ path: String, _ data: Data, _ mediaType: String) {
        members.append((path, .data(data)))
        files.append(.init(path: path, size: Int64(data.count), mediaType: mediaType, sha256: SHA256Hasher.hex(of: data)))
    }

    /// The document as `documents/TITLE.ext`, named as people know it (the manifest keeps its id),
    /// and each signature as `signatures/ID.N.p7s`.
    mutating func add(_ document: Document, content: BlobContent?, signatures: [DocumentSignature]) throws {
        let path = "documents/" + names.distinct(Self.fileName(title: document.title, filename: document.filename))
        switch content {
        case .bytes(let data)?: members.append((path, .data(data)))
        case .file(let stored)?: members.append((path, .blob(path: stored, size: document.size)))
        case nil:
            throw BlobStore.missing(document.id)
        }
        files.append(.init(path: path, size: document.size, mediaType: document.mediaType, sha256: document.sha256))
        var entries: [PackManifest.SignatureEntry] = []
        for signature in signatures {
            let signaturePath = "signatures/\(document.id).\(signature.number).p7s"
            add(signaturePath, signature.der, "application/pkcs7-signature")
            entries.append(
                .init(number: signature.number, signer: signature.signerSubject, signedAt: Timestamp.string(signature.signedAt), path: signaturePath))
        }
        documents.append(
            .init(
                id: document.id, title: document.title, filename: document.filename, mediaType: document.mediaType,
                size: document.size, sha256: document.sha256, classification: document.classification.rawValue, path: path,
                signatures: entries))
    }

    /// A file name from a document's title: its extension kept, path separators and control
    /// characters replaced, at most 120 characters; the filename when the title leaves nothing.
    static func fileName(title: String, filename: String) -> String {
        let ext = PackService.extensionOf(filename)
        var stem = title.hasSuffix(ext) && !ext.isEmpty ? String(title.dropLast(ext.count)) : title
        stem = String(stem.unicodeScalars.map { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control ? "-" : Character($0) })
        stem = String(stem.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".")).prefix(120))
        if stem.isEmpty { stem = String((filename as NSString).deletingPathExtension.prefix(120)) }
        return (stem.isEmpty ? "document" : stem) + ext
    }

    /// The finished pack: the manifest's exact bytes and their signature lead the members.
    func pack(
        _ manifest: PackManifest, signer: CMSSigner, filename: String, generatedAt: Date, timeZone: TimeZone
    ) throws -> SignedPack {
        let manifestBytes = try DocketJSON.pretty.encode(manifest)
        let signed = try KeyStore.translating { try signer.sign(manifestBytes) }
        return SignedPack(
            filename: filename, manifest: manifest,
            members: [(PackManifest.manifestPath, .data(manifestBytes)), (PackManifest.signaturePath, .data(signed.der))] + members,
            generatedAt: generatedAt, timeZone: timeZone)
    }
}
