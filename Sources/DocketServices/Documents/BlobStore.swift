import DocketCore
import DocketCrypto
import Foundation

/// Content-addressed files under `blobs/ab/cdef…` named by SHA-256, for content larger than
/// `smallLimit` (smaller content is kept in the database, see `BlobWriter`). Content is streamed into
/// `blobs/tmp/`, hashed while written, fsynced, then renamed into place, so a reader never
/// sees a partial blob. Each temporary file belongs to its writer, which holds an exclusive
/// `flock` on it until it is placed or dropped; only files no live process holds are swept.
public struct BlobStore: Sendable {
    /// Bytes read or written at a time.
    public static let chunkSize = 1 << 20
    /// Content up to this size is kept in the database, in the transaction that records its
    /// document: no inode, fsyncs or rename of its own (SQLite reads and writes blobs this small
    /// faster than files, https://sqlite.org/intern-v-extern-blob.html).
    public static let smallLimit: Int64 = 64 << 10

    let root: URL
    var temporary: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    init(root: URL) { self.root = root }

    /// Creates the directories.
    func create() throws {
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    /// A temporary file younger than this is left alone even when unlocked: its writer may be
    /// between creating it and locking it.
    static let abandonedAfter: TimeInterval = 60

    /// The temporary files that writers which died left behind: older than a minute and held by
    /// no live process (the kernel drops a dead process's locks). With `remove`, each is unlinked
    /// while this process holds its lock, so no writer can be holding it at that moment.
    func abandonedTemporaryFiles(remove: Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        let cutoff = Date().addingTimeInterval(-Self.abandonedAfter)
        return names.compactMap { name -> String? in
            let path = temporary.appendingPathComponent(name).path
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)) < cutoff,
                flock(fd, LOCK_EX | LOCK_NB) == 0
            else { return nil }
            if remove { unlink(path) }
            return path
        }
    }

    /// The SHA-256 of every stored blob, read from the directory names.
    func storedDigests() -> [String] {
        let fileManager = FileManager.default
        let prefixes = ((try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.count == 2 }
        return prefixes.sorted().flatMap { prefix in
            ((try? fileManager.contentsOfDirectory(atPath: root.appendingPathComponent(prefix).path)) ?? []).sorted()
                .map { prefix + $0 }
        }
    }

    /// Where the blob with `sha256` lives.
    public func path(for sha256: String) -> String {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(String(sha256.dropFirst(2))).path
    }

    func exists(_ sha256: String) -> Bool { access(path(for: sha256), F_OK) == 0 }

    /// Starts a new blob; bytes beyond `limit` make `write` throw `tooLarge`.
    func writer(limit: Int64 = .max) -> BlobWriter { BlobWriter(store: self, limit: limit) }

    /// A new temporary file for a blob too large for the database, locked by this writer.
    func createTemporary() throws -> (path: String, fd: Int32) {
        let path = temporary.appendingPathComponent(UUID().uuidString).path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DocketError(.internalError, "cannot create \(path): \(Self.errnoText())") }
        // Held until the writer closes the file: the mark that it is still being written.
        guard flock(fd, LOCK_EX) == 0 else {
            let reason = Self.errnoText()
            close(fd)
            unlink(path)
            throw DocketError(.internalError, "cannot lock \(path): \(reason)")
        }
        return (path, fd)
    }

    /// Removes a blob, e.g. one just stored for a change that then failed.
    func remove(_ sha256: String) { unlink(path(for: sha256)) }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Writes all of `bytes` to `fd`, retrying short writes and interruptions.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, name: String) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw DocketError(.internalError, "cannot write to \(name): \(errnoText())")
            }
            offset += written
        }
    }

    /// Reads `fd` to its end in `chunkSize` pieces through one reused buffer.
    static func forEachChunk(
        of fd: Int32, _ body: (UnsafeRawBufferPointer) throws -> Void, onError: (String) -> DocketError
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw onError(errnoText())
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}
