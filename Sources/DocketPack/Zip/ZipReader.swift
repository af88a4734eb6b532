import Foundation
import Glibc

/// Reads a ZIP of stored entries and checks it against the layout `ZipWriter` produces: every
/// byte of the file must belong to a record, and local headers, data descriptors and the central
/// directory must agree. Deviations are named in `layoutProblems`; what cannot be read throws
/// `ZipError.malformed`.
public final class ZipReader {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let size: Int64
        public let crc: UInt32
        let dataOffset: Int64
    }

    public let entries: [Entry]
    /// Where the archive differs from the layout Docket writes; empty for an untouched pack.
    public let layoutProblems: [String]
    private let fd: Int32

    public init(path: String) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ZipError.io("cannot open \(path): \(String(cString: strerror(errno)))") }
        do {
            (entries, layoutProblems) = try Self.readEntries(fd)
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// Streams an entry's data in chunks and checks its CRC at the end.
    public func read(_ entry: Entry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipWriter.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var crc = CRC32()
        var position = entry.dataOffset
        var remaining = entry.size
        while remaining > 0 {
            let count = try Self.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, Int(remaining))]), at: position)
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            crc.update(chunk)
            try body(chunk)
            position += Int64(count)
            remaining -= Int64(count)
        }
        guard crc.value == entry.crc else {
            throw ZipError.malformed("\(entry.name): its bytes do not match the CRC recorded in the ZIP (the file was altered)")
        }
    }

    /// An entry's data in memory, for the small members (manifest, signature), up to `limit` bytes.
    public func data(_ entry: Entry, limit: Int = 64 << 20) throws -> Data {
        guard entry.size <= limit else { throw ZipError.malformed("\(entry.name) is larger than \(limit) bytes") }
        var data = Data(capacity: Int(entry.size))
        try read(entry) { data.append(contentsOf: $0) }
        return data
    }

    // MARK: layout

    /// Parses the archive. What cannot be parsed throws; what parses but differs from the layout
    /// `ZipWriter` produces (a rewritten or altered archive) is collected in `layoutProblems`, so
    /// a verifier can still name extra and missing files.
    private static func readEntries(_ fd: Int32) throws -> (entries: [Entry], problems: [String]) {
        var problems: [String] = []
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw ZipError.io("cannot stat the pack") }
        let fileSize = Int64(status.st_size)
        let (count, directorySize, directoryOffset, directoryEnd) = try endRecords(fd, fileSize: fileSize)
        let trailer = try bytes(fd, at: directoryEnd, count: Int(fileSize - directoryEnd))
        if trailer != ZipLayout.endRecords(count: count, directorySize: UInt64(directorySize), directoryOffset: UInt64(directoryOffset)) {
            problems.append("the ZIP end records differ from what Docket writes (the archive was altered or rewritten)")
        }
        var directory = ByteReader(try bytes(fd, at: directoryOffset, count: Int(directorySize)))

        var entries: [Entry] = []
        var names: Set<String> = []
        var position: Int64 = 0
        for index in 0..<count {
            let recordStart = directory.position
            guard directory.remaining >= ZipLayout.centralHeaderSize, directory.u32() == ZipLayout.centralSignature else {
                throw ZipError.malformed("ZIP central directory entry \(index + 1) is damaged")
            }
            _ = directory.take(4)  // versions: checked with the whole record below
            let flags = directory.u16(), method = directory.u16()
            let time = directory.u16(), date = directory.u16(), crc = directory.u32()
            let compressed32 = directory.u32(), size32 = directory.u32()
            let nameLength = Int(directory.u16()), extraLength = Int(directory.u16()), commentLength = Int(directory.u16())
            _ = directory.take(8)  // disk and attributes: checked with the whole record below
            let offset32 = directory.u32()
            guard directory.remaining >= nameLength + extraLength + commentLength,
                let name = String(validating: directory.take(nameLength), as: UTF8.self)
            else { throw ZipError.malformed("ZIP central directory entry \(index + 1) has a damaged name") }
            var extra = ByteReader(directory.take(extraLength))
            _ = directory.take(commentLength)
            guard ZipLayout.isSafeName(name), names.insert(name).inserted else {
                throw ZipError.malformed("ZIP entry \(name): the name is unsafe or repeated")
            }
            // Fields set to all ones continue, in this order, in the ZIP64 extra field.
            var zip64: [UInt64] = []
            if extra.remaining >= 4, extra.u16() == ZipLayout.zip64ExtraID {
                let length = Int(extra.u16())
                while zip64.count * 8 < length, extra.remaining >= 8 { zip64.append(extra.u64()) }
            }
            var values = zip64.makeIterator()
            func wide(_ value: UInt32) throws -> UInt64 {
                guard UInt64(value) == ZipLayout.full32 else { return UInt64(value) }
                guard let wide = values.next() else { throw ZipError.malformed("the ZIP64 extra field of \(name) is damaged") }
                return wide
            }
            let size = try wide(size32), compressed = try wide(compressed32), offset = try wide(offset32)
            guard method == 0, compressed == size else {
                throw ZipError.malformed("ZIP entry \(name) is compressed; Docket stores every member uncompressed")
            }
            guard offset < UInt64(directoryOffset), size < UInt64(directoryOffset) else {
                throw ZipError.malformed("the ZIP entry \(name) points outside the archive's data")
            }
            let written = directory.bytes(recordStart..<directory.position)
            if !ZipLayout.Origin.allCases.contains(where: {
                written == ZipLayout.centralHeader(
                    name: Array(name.utf8), time: time, date: date, crc: crc, size: size, offset: offset, origin: $0)[...]
            }) {
                problems.append("the ZIP central directory entry for \(name) differs from what Docket writes (the archive was altered or rewritten)")
            }
            if Int64(offset) != position {
                problems.append("the ZIP entry \(name) starts at offset \(offset), not right after the previous entry (\(position))")
            }
            // The local header must carry the same name, time and method; Docket's has nothing else.
            var local = ByteReader(try bytes(fd, at: Int64(offset), count: ZipLayout.localHeaderSize))
            guard local.u32() == ZipLayout.localSignature else {
                throw ZipError.malformed("the ZIP local header of \(name) is damaged")
            }
            _ = local.take(22)
            let localNameLength = Int64(local.u16()), localExtraLength = Int64(local.u16())
            let dataOffset = Int64(offset) + Int64(ZipLayout.localHeaderSize) + localNameLength + localExtraLength
            let expected = ZipLayout.localHeader(name: Array(name.utf8), time: time, date: date, size: size)
            if try bytes(fd, at: Int64(offset), count: expected.count) != expected {
                problems.append("the ZIP local header of \(name) was altered or disagrees with the central directory")
            }
            var next = dataOffset + Int64(size)
            if flags & 0x0008 != 0 {
                let descriptor = ZipLayout.dataDescriptor(crc: crc, size: size)
                guard next + Int64(descriptor.count) <= directoryOffset else {
                    throw ZipError.malformed("the ZIP data of \(name) runs into the central directory")
                }
                if try bytes(fd, at: next, count: descriptor.count) != descriptor {
                    problems.append("the ZIP data descriptor of \(name) was altered or disagrees with the central directory")
                }
                next += Int64(descriptor.count)
            }
            guard next <= directoryOffset else { throw ZipError.malformed("the ZIP data of \(name) runs into the central directory") }
            entries.append(Entry(name: name, size: Int64(size), crc: crc, dataOffset: dataOffset))
            position = next
        }
        if directory.remaining != 0 { problems.append("the ZIP central directory holds more than its entries") }
        if position != directoryOffset {
            problems.append("the ZIP holds \(directoryOffset - position) bytes outside any entry before its central directory")
        }
        return (entries, problems)
    }

    /// The entry count and the central directory's size, start and end (where the end records
    /// begin), from the classic end record at the very end of the file and, when it says so, the
    /// ZIP64 end record its locator points to.
    private static func endRecords(_ fd: Int32, fileSize: Int64) throws
        -> (count: Int, directorySize: Int64, directoryOffset: Int64, directoryEnd: Int64)
    {
        guard fileSize >= ZipLayout.endRecordSize else { throw ZipError.malformed("the file is too short to be a ZIP") }
        let endOffset = fileSize - Int64(ZipLayout.endRecordSize)
        var end = ByteReader(try bytes(fd, at: endOffset, count: ZipLayout.endRecordSize))
        guard end.u32() == ZipLayout.endSignature else {
            throw ZipError.malformed("the ZIP end record is not where it belongs (the file was cut, extended, or altered at its end)")
        }
        guard end.u16() == 0, end.u16() == 0 else { throw ZipError.malformed("the ZIP end record names another disk") }
        var count = UInt64(end.u16())
        guard UInt64(end.u16()) == count else { throw ZipError.malformed("the ZIP end record's two entry counts differ") }
        var directorySize = UInt64(end.u32())
        var directoryOffset = UInt64(end.u32())
        guard end.u16() == 0 else { throw ZipError.malformed("the ZIP end record has a comment, which Docket never writes") }
        var directoryEnd = UInt64(endOffset)
        if count == UInt64(ZipLayout.full16) || directorySize == ZipLayout.full32 || directoryOffset == ZipLayout.full32 {
            let recordOffset = endOffset - Int64(ZipLayout.zip64LocatorSize + ZipLayout.zip64EndRecordSize)
            guard recordOffset >= 0 else { throw ZipError.malformed("the ZIP64 end records are missing") }
            var locator = ByteReader(try bytes(fd, at: endOffset - Int64(ZipLayout.zip64LocatorSize), count: ZipLayout.zip64LocatorSize))
            guard locator.u32() == ZipLayout.zip64LocatorSignature, locator.u32() == 0, locator.u64() == UInt64(recordOffset) else {
                throw ZipError.malformed("the ZIP64 end locator is damaged or does not point right before itself")
            }
            var record = ByteReader(try bytes(fd, at: recordOffset, count: ZipLayout.zip64EndRecordSize))
            guard record.u32() == ZipLayout.zip64EndSignature else { throw ZipError.malformed("the ZIP64 end record is damaged") }
            _ = record.take(20)  // its size, versions and disks: checked with the end records' bytes
            count = record.u64()
            guard record.u64() == count else { throw ZipError.malformed("the ZIP64 end record's two entry counts differ") }
            directorySize = record.u64()
            directoryOffset = record.u64()
            directoryEnd = UInt64(recordOffset)
        }
        guard directoryOffset <= directoryEnd, directorySize == directoryEnd - directoryOffset, directorySize <= 256 << 20,
            count <= directorySize / UInt64(ZipLayout.centralHeaderSize)
        else { throw ZipError.malformed("the ZIP central directory's size or offset does not match the file") }
        return (Int(count), Int64(directorySize), Int64(directoryOffset), Int64(directoryEnd))
    }

    private static func bytes(_ fd: Int32, at offset: Int64, count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = try out.withUnsafeMutableBytes { buffer in
                try read(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]), at: offset + Int64(done))
            }
            done += got
        }
        return out
    }

    private static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        while true {
            let count = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw ZipError.malformed("the ZIP ends before its records do (the file was cut)") }
            return count
        }
    }
}
