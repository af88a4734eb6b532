import DocketCore
import DocketCrypto
import Foundation

/// The document store: streaming content in and out, signing, verifying.
public struct DocumentService: Sendable {
    let storage: any Storage
    let blobs: BlobStore
    let keys: KeyStore
    let audit: AuditLog
    let configuration: DocketConfiguration

    /// Stores new content. `fill` streams the bytes into the writer; nothing is recorded unless
    /// it finishes and the content is within `limit`.
    public func add(
        _ new: NewDocument, limit: Int64 = .max, as actor: User, fill: (BlobWriter) async throws -> Void
    ) async throws -> Document {
        try actor.require(.addDocuments)
        let staged = try await StagedDocument(new, limit: limit, as: actor, blobs: blobs, configuration: configuration, fill: fill)
        do {
            try await storage.write { writer in try staged.record(by: actor, audit: audit, in: writer) }
        } catch {
            staged.discard()
            throw error
        }
        return staged.document
    }

    /// Stores the file at `path` (the CLI's `doc add`); `progress` hears the bytes stored so far.
    public func add(
        fileAt path: String, _ new: NewDocument, as actor: User, progress: ((Int64) -> Void)? = nil
    ) async throws -> Document {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DocketError.invalid("file", "\(path) is not a readable file")
        }
        return try await add(new, as: actor) { try $0.write(contentsOf: path, progress: progress) }
    }

    // MARK: reading

    /// The documents the user may read, newest first.
    public func list(_ filter: DocumentFilter, page: Page, as actor: User) async throws -> Paged<Document> {
        var filter = filter
        filter.maximumClassification = min(filter.maximumClassification, actor.clearance)
        if !actor.hasAny(Permission.readAllDocuments.roles) { filter.readableBy = actor.id }
        let query = filter
        return try await storage.read { try $0.documents(filter: query, page: page) }
    }

    /// One document's metadata; unknown and unreadable documents are both "not found".
    public func get(_ id: String, as actor: User) async throws -> Document {
        let document = try await storage.read { reader -> Document? in
            guard let document = try reader.document(id: id), try actor.mayRead(document, in: reader) else { return nil }
            return document
        }
        guard let document else { throw DocketError.notFound("document", id) }
        return document
    }

    /// The document and its content, for streaming it out.
    public func content(_ id: String, as actor: User) async throws -> (document: Document, content: BlobContent) {
        let document = try await get(id, as: actor)
        let blobs = blobs
        let content = try await storage.read { reader -> BlobContent? in
            if try reader.isDisposed(documentID: id) {
                throw DocketError(
                    .notFound, "the content of \(id) was destroyed by a disposal decision; its stub and the signed record remain",
                    field: "id")
            }
            return try blobs.content(document.sha256, in: reader)
        }
        guard let content else { throw BlobStore.missing(id) }
        return (document, content)
    }

    /// The document's signatures, oldest first.
    public func signatures(_ id: String, as actor: User) async throws -> [DocumentSignature] {
        _ = try await get(id, as: actor)
        return try await storage.read { try $0.signatures(documentID: id) }
    }

    /// One signature, by its number.
    public func signature(_ id: String, number: Int, as actor: User) async throws -> DocumentSignature {
        guard let signature = try await signatures(id, as: actor).first(where: { $0.number == number }) else {
            throw DocketError(.notFound, "document \(id) has no signature number \(number)", field: "number")
        }
        return signature
    }

    // MARK: signing and verifying

    /// Signs the document with the actor's own certificate, else the office's.
    public func sign(_ id: String, as actor: User) async throws -> DocumentSignature {
        try actor.require(.signDocuments)
        let (document, content) = try await content(id, as: actor)
        let signer = try keys.userSigner(actor.id) ?? keys.officeSigner()
        let signed = try KeyStore.translating { try content.sign(with: signer) }
        guard signed.contentSHA256 == document.sha256 else {
            throw DocketError(
                .verificationFailed,
                "the stored content of \(id) no longer matches its SHA-256; it was not signed. Run docket store check")
        }
        let signedAt = configuration.time.now()
        return try await storage.write { writer in
            let number = (try writer.signatures(documentID: id).map(\.number).max() ?? 0) + 1
            let signature = DocumentSignature(
                documentID: id, number: number, signer: signer, signedBy: actor.id, signedAt: signedAt, der: signed.der)
            try audit.recordSigned(signature, in: writer)
            return signature
        }
    }

    /// Rehashes the content and checks every signature against the trusted roots.
    public func verify(_ id: String, as actor: User) async throws -> DocumentVerification {
        let document = try await get(id, as: actor)
        let blobs = blobs
        let (signatures, content) = try await storage.read { reader in
            (try reader.signatures(documentID: id), try blobs.content(document.sha256, in: reader))
        }
        var problem: String?
        if let stored = try content?.rehash() {
            if stored.sha256 != document.sha256 || stored.size != document.size {
                problem = "the stored content was altered: it hashes to \(stored.sha256), not \(document.sha256)"
            }
        } else {
            problem = "the content is missing from the blob store"
        }
        let verifier = CMSVerifier(trust: try keys.trustStore(), timestampTrust: try keys.timestampTrust())
        let reports = try signatures.map { signature in
            let report: SignatureReport
            if problem == nil, let content {
                report = try KeyStore.translating { try content.verify(signature.der, with: verifier) }
            } else {
                report = try KeyStore.translating { try verifier.verify(signature: signature.der, content: Data()) }
            }
            return DocumentVerification.NumberedReport(number: signature.number, signedBy: signature.signedBy, report: report)
        }
        return DocumentVerification(document: document, contentIntact: problem == nil, contentProblem: problem, signatures: reports)
    }

    /// Writes the content, each signature as `NAME.N.p7s`, and the signer chain as `chain.pem`
    /// into `directory`; returns the paths written. Nothing already there is overwritten, and a
    /// document whose name collides with one of the export's own files gets a distinct name.
    public func export(_ id: String, to directory: String, as actor: User) async throws -> [String] {
        let (document, content) = try await content(id, as: actor)
        let signatures = try await storage.read { try $0.signatures(documentID: id) }
        var names = ExportNames(reserved: ["chain.pem"])
        let contentName = names.distinct(document.filename)
        let signatureNames = signatures.map { names.distinct("\(contentName).\($0.number).p7s") }
        let target = URL(fileURLWithPath: directory, isDirectory: true)
        let urls = ([contentName] + signatureNames + ["chain.pem"]).map { target.appendingPathComponent($0) }
        if let existing = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw DocketError.invalid("dir", "\(existing.path) already exists; export into an empty directory")
        }
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try content.write(to: urls[0].path)
        for (signature, url) in zip(signatures, urls.dropFirst()) {
            try signature.der.write(to: url, options: .withoutOverwriting)
        }
        try keys.chainPEM().write(to: urls[urls.count - 1], options: .withoutOverwriting)
        return urls.map(\.path)
    }
}

extension DocumentSignature {
    /// Signature `number` of a document, by `signer`'s certificate.
    init(documentID: String, number: Int, signer: CMSSigner, signedBy: String, signedAt: Date, der: Data) {
        self.init(
            documentID: documentID, number: number, signerSubject: signer.certificate.subject,
            signerIssuer: signer.certificate.issuer, signerSerial: signer.certificate.serial, signedBy: signedBy,
            signedAt: signedAt, der: der)
    }
}

extension AuditLog {
    /// Inserts a new document and its `document.add` event.
    func recordAdded(_ document: Document, by actor: User, in writer: any StorageWriter) throws {
        try writer.insert(document)
        try record(
            writer, actor: actor.id, action: .documentAdd, subject: document.id,
            details: [
                "sha256": document.sha256, "size": String(document.size), "title": document.title,
                "classification": document.classification.rawValue,
            ])
    }

    /// Inserts a signature and its `document.sign` event.
    func recordSigned(_ signature: DocumentSignature, in writer: any StorageWriter) throws {
        try writer.insert(signature)
        try record(
            writer, actor: signature.signedBy, action: .documentSign, subject: signature.documentID,
            details: [
                "number": String(signature.number), "signer": signature.signerSubject, "serial": signature.signerSerial,
            ])
    }
}
