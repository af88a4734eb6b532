import DocketCore
import DocketCrypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Content-addressed files under `blobs/ab/cdef…` named by SHA-256. Content is streamed into
/// `blobs/tmp/`, hashed while written, fsynced, then renamed into place, so a reader never
/// sees a partial blob. Leftovers in `tmp/` come only from interrupted writes.
public struct BlobStore: Sendable {
    /// Bytes read or written at a time.
    public static let chunkSize = 1 << 20

    let root: URL
    var temporary: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    init(root: URL) { self.root = root }

    /// Creates the directories.
    func create() throws {
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    /// Removes what interrupted writes left in `tmp/`; returns how many files.
    @discardableResult
    func removeLeftovers() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names { unlink(temporary.appendingPathComponent(name).path) }
        return names.count
    }

    /// Where the blob with `sha256` lives.
    public func path(for sha256: String) -> String {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(String(sha256.dropFirst(2))).path
    }

    func exists(_ sha256: String) -> Bool { access(path(for: sha256), F_OK) == 0 }

    /// Starts a new blob; bytes beyond `limit` make `write` throw `tooLarge`.
    func writer(limit: Int64 = .max) throws -> BlobWriter {
        let path = temporary.appendingPathComponent(UUID().uuidString).path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DocketError(.internalError, "cannot create \(path): \(Self.errnoText())") }
        return BlobWriter(store: self, temporaryPath: path, fd: fd, limit: limit)
    }

    /// Removes a blob, e.g. one just stored for a change that then failed.
    func remove(_ sha256: String) { unlink(path(for: sha256)) }

    /// Rehashes a stored blob; nil when it is missing.
    func rehash(_ sha256: String) throws -> (sha256: String, size: Int64)? {
        let fd = open(path(for: sha256), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let hasher = SHA256Hasher()
        var size: Int64 = 0
        try Self.forEachChunk(of: fd) { chunk in
            hasher.update(chunk)
            size += Int64(chunk.count)
        } onError: { reason in
            DocketError(.internalError, "cannot read blob \(sha256): \(reason)")
        }
        return (hasher.finalize().hexString, size)
    }

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
        mkdir(directory, 0o755)
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

/// Human-readable byte counts (binary units) and their parsing.
public enum ByteCount {
    /// e.g. `512 MiB`, or `1.4 GiB` when not a whole number of units.
    public static func format(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let text = value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
        return "\(text) \(units[unit])"
    }

    /// Parses `512MiB`, `1GiB`, `100KiB`, `2048` (bytes).
    public static func parse(_ text: String, field: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let multipliers: [String: Int64] = [
            "": 1, "b": 1, "kib": 1 << 10, "k": 1 << 10, "mib": 1 << 20, "m": 1 << 20, "gib": 1 << 30, "g": 1 << 30,
        ]
        guard let number = Int64(digits), let multiplier = multipliers[unit], number > 0 else {
            throw DocketError.invalid(field, "'\(text)' is not a size; use e.g. 512MiB, 1GiB or 1048576")
        }
        return number * multiplier
    }
}
