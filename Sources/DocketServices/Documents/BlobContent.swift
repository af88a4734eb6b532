import DocketCore
import DocketCrypto
import Foundation

/// Where a document's bytes are: in the database (small content) or in a file of the blob store.
public enum BlobContent: Sendable {
    case bytes(Data)
    case file(String)

    /// The whole content in memory (for content a page shows or a tool reads at once).
    public func data() throws -> Data {
        switch self {
        case .bytes(let data): return data
        case .file(let path):
            do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw DocketError(.internalError, "cannot read the blob \(path): \(error.localizedDescription)")
            }
        }
    }

    /// Writes the content to a new file at `path`; an existing file is not overwritten.
    public func write(to path: String) throws {
        switch self {
        case .bytes(let data): try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        case .file(let source): try FileManager.default.copyItem(atPath: source, toPath: path)
        }
    }

    /// A detached CMS signature over the content.
    func sign(with signer: CMSSigner) throws -> CMSSigner.Signed {
        switch self {
        case .bytes(let data): try signer.sign(data)
        case .file(let path): try signer.sign(fileAt: path)
        }
    }

    /// What checking the detached signature `der` over the content finds.
    func verify(_ der: Data, with verifier: CMSVerifier) throws -> SignatureReport {
        switch self {
        case .bytes(let data): try verifier.verify(signature: der, content: data)
        case .file(let path): try verifier.verify(signature: der, contentFileAt: path)
        }
    }

    /// The SHA-256 and size of the content as it is now.
    func rehash() throws -> (sha256: String, size: Int64)? {
        switch self {
        case .bytes(let data): return (SHA256Hasher.hex(of: data), Int64(data.count))
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            let hasher = SHA256Hasher()
            var size: Int64 = 0
            try BlobStore.forEachChunk(of: fd) { chunk in
                hasher.update(chunk)
                size += Int64(chunk.count)
            } onError: { reason in
                DocketError(.internalError, "cannot read blob \(path): \(reason)")
            }
            return (hasher.finalize().hexString, size)
        }
    }
}

extension BlobStore {
    /// The error for a document whose content neither the database nor the blob store holds.
    static func missing(_ documentID: String) -> DocketError {
        DocketError(.internalError, "the content of \(documentID) is missing from the blob store; run docket store check")
    }

    /// The content stored under `sha256`: kept in the database when small, else its file; nil
    /// when neither holds it.
    func content(_ sha256: String, in reader: any StorageReader) throws -> BlobContent? {
        if let data = try reader.smallBlob(sha256: sha256) { return .bytes(data) }
        return exists(sha256) ? .file(path(for: sha256)) : nil
    }
}
