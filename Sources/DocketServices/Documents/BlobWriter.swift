import DocketCore
import DocketCrypto
import Foundation

/// A blob being written. Call `commit()` to place it, or `abort()` (also done on deinit) to drop it.
public final class BlobWriter {
    let store: BlobStore
    let temporaryPath: String
    private var fd: Int32
    private let hasher = SHA256Hasher()
    private let limit: Int64
    /// Bytes written so far.
    public private(set) var size: Int64 = 0

    init(store: BlobStore, temporaryPath: String, fd: Int32, limit: Int64) {
        self.store = store
        self.temporaryPath = temporaryPath
        self.fd = fd
        self.limit = limit
    }

    deinit { abort() }

    /// Appends bytes. Throws `tooLarge` (and drops the blob) when the limit is passed.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard fd >= 0 else { throw DocketError(.internalError, "the blob was already closed") }
        size += Int64(bytes.count)
        if size > limit {
            abort()
            throw DocketError(
                .tooLarge, "the content is larger than the limit of \(ByteCount.format(limit))", field: "content")
        }
        hasher.update(bytes)
        do {
            try BlobStore.writeAll(bytes, to: fd, name: "the blob store")
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

    /// Flushes to disk and renames into place.
    /// - Returns: the digest, the size, and whether this blob was new (not stored before).
    func commit() throws -> (sha256: String, size: Int64, isNew: Bool) {
        guard fd >= 0 else { throw DocketError(.internalError, "the blob was already closed") }
        let sha256 = hasher.finalize().hexString
        guard fsync(fd) == 0 else {
            let reason = BlobStore.errnoText()
            abort()
            throw DocketError(.internalError, "cannot flush the blob to disk: \(reason)")
        }
        close(fd)
        fd = -1
        let destination = store.path(for: sha256)
        if store.exists(sha256) {
            unlink(temporaryPath)
            return (sha256, size, false)
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
        return (sha256, size, true)
    }

    /// Drops the partial blob.
    func abort() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(temporaryPath)
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
