import DocketCore
import DocketCrypto
import Foundation

/// A blob being written. Content up to `BlobStore.smallLimit` stays in memory and is kept in the
/// database by the transaction that records its document; larger content spills into a temporary
/// file of the blob store. Call `commit()` to finish it, or `abort()` (also done on deinit) to drop it.
public final class BlobWriter {
    let store: BlobStore
    private var memory = Data()
    /// The temporary file once the content outgrew memory.
    private var file: (path: String, fd: Int32)?
    private var closed = false
    private let hasher = SHA256Hasher()
    private let limit: Int64
    /// Bytes written so far.
    public private(set) var size: Int64 = 0

    init(store: BlobStore, limit: Int64) {
        self.store = store
        self.limit = limit
    }

    deinit { abort() }

    /// Appends bytes. Throws `tooLarge` (and drops the blob) when the limit is passed.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !closed else { throw DocketError(.internalError, "the blob was already closed") }
        size += Int64(bytes.count)
        if size > limit {
            abort()
            throw DocketError(
                .tooLarge, "the content is larger than the limit of \(ByteCount.format(limit))", field: "content")
        }
        hasher.update(bytes)
        do {
            if file == nil && size > BlobStore.smallLimit {
                let spilled = try store.createTemporary()
                file = spilled
                try memory.withUnsafeBytes { try BlobStore.writeAll($0, to: spilled.fd, name: "the blob store") }
                memory = Data()
            }
            if let file {
                try BlobStore.writeAll(bytes, to: file.fd, name: "the blob store")
            } else {
                memory.append(contentsOf: bytes)
            }
        } catch {
            abort()
            throw error
        }
    }

    /// Streams the whole file at `path` in, reporting the bytes written so far after each chunk.
    public func write(contentsOf path: String, progress: ((Int64) -> Void)? = nil) throws {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            throw DocketError.invalid("file", "cannot open \(path): \(BlobStore.errnoText())")
        }
        defer { close(input) }
        try BlobStore.forEachChunk(of: input) { chunk in
            try write(chunk)
            progress?(size)
        } onError: { reason in
            DocketError.invalid("file", "cannot read \(path): \(reason)")
        }
    }

    /// Finishes the blob: small content is handed back to be kept in the database; a file is
    /// flushed to disk and renamed into place.
    func commit() throws -> StoredBlob {
        guard !closed else { throw DocketError(.internalError, "the blob was already closed") }
        closed = true
        let sha256 = hasher.finalize().hexString
        guard let (temporaryPath, fd) = file else { return StoredBlob(sha256: sha256, size: size, small: memory, isNewFile: false) }
        file = nil
        guard fsync(fd) == 0 else {
            let reason = BlobStore.errnoText()
            close(fd)
            unlink(temporaryPath)
            throw DocketError(.internalError, "cannot flush the blob to disk: \(reason)")
        }
        close(fd)
        let destination = store.path(for: sha256)
        if store.exists(sha256) {
            unlink(temporaryPath)
            return StoredBlob(sha256: sha256, size: size, small: nil, isNewFile: false)
        }
        let directory = (destination as NSString).deletingLastPathComponent
        // A prefix directory made now must itself survive a power cut: its parent is synced too.
        if mkdir(directory, 0o755) == 0 { Self.syncDirectory((directory as NSString).deletingLastPathComponent) }
        guard rename(temporaryPath, destination) == 0 else {
            let reason = BlobStore.errnoText()
            unlink(temporaryPath)
            throw DocketError(.internalError, "cannot place the blob: \(reason)")
        }
        Self.syncDirectory(directory)
        return StoredBlob(sha256: sha256, size: size, small: nil, isNewFile: true)
    }

    /// Drops the partial blob.
    func abort() {
        closed = true
        memory = Data()
        if let (path, fd) = file {
            close(fd)
            unlink(path)
            file = nil
        }
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

/// A finished blob: its digest and size, and its bytes when it is small enough for the database.
struct StoredBlob {
    let sha256: String
    let size: Int64
    /// The content, to be kept in the database by the transaction that records its document.
    let small: Data?
    /// Whether a file was placed that no other document had (removed again if the transaction fails).
    let isNewFile: Bool

    /// Keeps the blob with `writer`'s transaction: small content as its row, committed or rolled
    /// back with it; a file placed for it is removed again if the transaction rolls back.
    func keep(in writer: any StorageWriter, blobs: BlobStore) throws {
        if let small {
            try writer.insertSmallBlob(sha256: sha256, content: small)
        } else if isNewFile {
            let sha256 = sha256
            writer.onRollback { blobs.remove(sha256) }
        }
    }
}
