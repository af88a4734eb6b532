import Foundation
import Glibc

/// Writes a ZIP archive front to back into a sink, never holding more than one chunk: entries
/// are stored (the documents are PDFs and the like, already compressed), each followed by a data
/// descriptor carrying the CRC computed while it streamed. The layout is exactly the one
/// `ZipReader` accepts, so a single changed byte anywhere is detected.
public final class ZipWriter {
    /// Receives the archive's bytes in order.
    public typealias Sink = (UnsafeRawBufferPointer) async throws -> Void

    struct Entry {
        let name: [UInt8]
        let offset: UInt64
        let size: UInt64
        let crc: UInt32
    }

    static let chunkSize = 1 << 20
    private let sink: Sink
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var entries: [Entry] = []
    private var names: Set<String> = []
    private var offset: UInt64 = 0

    /// - Parameter modified: the time stamped on every entry.
    public init(modified: Date, timeZone: TimeZone, sink: @escaping Sink) {
        self.sink = sink
        (dosTime, dosDate) = Self.dosDateTime(modified, timeZone: timeZone)
    }

    /// Adds an entry from memory.
    public func add(_ name: String, data: Data) async throws {
        try await add(name, size: Int64(data.count)) { emit in try await Self.withBuffer(data) { try await emit($0) } }
    }

    /// Adds an entry streamed from the file at `path`, which must hold `size` bytes.
    public func add(_ name: String, fileAt path: String, size: Int64) async throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ZipError.io("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try await add(name, size: size) { emit in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            var remaining = size
            while remaining > 0 {
                let count = read(fd, buffer.baseAddress, min(Self.chunkSize, Int(remaining)))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw ZipError.io("\(path) ended early or could not be read") }
                try await emit(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                remaining -= Int64(count)
            }
        }
    }

    private func add(_ name: String, size: Int64, body: ((UnsafeRawBufferPointer) async throws -> Void) async throws -> Void)
        async throws
    {
        guard ZipLayout.isSafeName(name), names.insert(name).inserted else { throw ZipError.io("bad or repeated entry name \(name)") }
        guard size >= 0 else { throw ZipError.io("\(name) has a negative size") }
        let nameBytes = Array(name.utf8)
        let start = offset
        try await emit(ZipLayout.localHeader(name: nameBytes, time: dosTime, date: dosDate, size: UInt64(size)))
        var crc = CRC32()
        var written: Int64 = 0
        try await body { bytes in
            crc.update(bytes)
            written += Int64(bytes.count)
            try await self.emit(bytes)
        }
        guard written == size else { throw ZipError.io("\(name) changed size while it was written") }
        try await emit(ZipLayout.dataDescriptor(crc: crc.value, size: UInt64(size)))
        entries.append(Entry(name: nameBytes, offset: start, size: UInt64(size), crc: crc.value))
    }

    /// Writes the central directory and the end records.
    public func finish() async throws {
        let directoryStart = offset
        var directory: [UInt8] = []
        for entry in entries {
            directory += ZipLayout.centralHeader(
                name: entry.name, time: dosTime, date: dosDate, crc: entry.crc, size: entry.size, offset: entry.offset)
        }
        directory += ZipLayout.endRecords(
            count: entries.count, directorySize: UInt64(directory.count), directoryOffset: directoryStart)
        try await emit(directory)
    }

    /// The size of the archive holding entries with these names and sizes, before writing it: the
    /// same records the writer emits, measured rather than written.
    public static func archiveSize(of entries: [(name: String, size: Int64)]) -> Int64 {
        var offset: UInt64 = 0
        var directorySize: UInt64 = 0
        for entry in entries {
            let name = Array(entry.name.utf8), size = UInt64(max(entry.size, 0))
            directorySize += UInt64(ZipLayout.centralHeader(name: name, time: 0, date: 0, crc: 0, size: size, offset: offset).count)
            offset += UInt64(ZipLayout.localHeader(name: name, time: 0, date: 0, size: size).count)
            offset += size + UInt64(ZipLayout.dataDescriptor(crc: 0, size: size).count)
        }
        let end = ZipLayout.endRecords(count: entries.count, directorySize: directorySize, directoryOffset: offset)
        return Int64(offset + directorySize + UInt64(end.count))
    }

    private func emit(_ bytes: [UInt8]) async throws {
        try await Self.withBuffer(bytes) { try await emit($0) }
    }

    /// A stable copy of `bytes` for the duration of an async call (the sink may suspend).
    private static func withBuffer(
        _ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) async throws -> Void
    ) async throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        defer { buffer.deallocate() }
        _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
        try await body(UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count]))
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) async throws {
        try await sink(bytes)
        offset += UInt64(bytes.count)
    }

    static func dosDateTime(_ date: Date, timeZone: TimeZone) -> (UInt16, UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let date = UInt16(max((parts.year ?? 1980) - 1980, 0) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, date)
    }
}
