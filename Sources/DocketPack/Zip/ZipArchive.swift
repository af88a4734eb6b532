import CZlib
import Foundation

/// A ZIP archive someone else wrote (an .xlsx workbook), read from memory: its central directory,
/// and members stored or deflated. Unlike `ZipReader`, which checks Docket's own packs against
/// the layout `ZipWriter` makes, it takes any well-formed archive, within size limits.
public struct ZipArchive: Sendable {
    struct Member: Sendable {
        let method: UInt16
        let compressedSize: Int
        let size: Int
        let localHeader: Int
    }

    private let data: Data
    private let members: [String: Member]

    /// The largest member it will inflate, against archives that expand without end.
    public static let memberLimit = 64 << 20

    public init(_ data: Data) throws {
        self.data = data
        let bytes = [UInt8](data)
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw ZipError.malformed("the archive ends early") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int { try u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record: the last one, within a comment's reach of the end.
        guard let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1).first(where: {
            $0 >= 0 && bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x05 && bytes[$0 + 3] == 0x06
        }) else { throw ZipError.malformed("no end-of-central-directory record: not a ZIP archive") }
        var at = try u32(end + 16)
        var members: [String: Member] = [:]
        for _ in 0..<(try u16(end + 10)) {
            guard try u32(at) == 0x0201_4B50 else { throw ZipError.malformed("a central directory entry is damaged") }
            let nameLength = try u16(at + 28)
            guard at + 46 + nameLength <= bytes.count else { throw ZipError.malformed("the archive ends early") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            members[name] = Member(
                method: UInt16(try u16(at + 10)), compressedSize: try u32(at + 20), size: try u32(at + 24), localHeader: try u32(at + 42))
            at += 46 + nameLength + (try u16(at + 30)) + (try u16(at + 32))
        }
        self.members = members
    }

    /// The member's bytes, or nil when the archive has no such member.
    public func member(_ name: String) throws -> Data? {
        guard let member = members[name] else { return nil }
        guard member.size <= Self.memberLimit else {
            throw ZipError.malformed("\(name) expands to \(member.size) bytes, more than \(Self.memberLimit)")
        }
        let header = member.localHeader
        guard header + 30 <= data.count else { throw ZipError.malformed("\(name): the archive ends early") }
        let local = data[data.startIndex + header..<data.startIndex + header + 30]
        let nameLength = Int(local[local.startIndex + 26]) | Int(local[local.startIndex + 27]) << 8
        let extraLength = Int(local[local.startIndex + 28]) | Int(local[local.startIndex + 29]) << 8
        let start = header + 30 + nameLength + extraLength
        guard start + member.compressedSize <= data.count else { throw ZipError.malformed("\(name): the archive ends early") }
        let stored = data[data.startIndex + start..<data.startIndex + start + member.compressedSize]
        switch member.method {
        case 0: return Data(stored)
        case 8: return try Self.inflate(Data(stored), size: member.size, name: name)
        default: throw ZipError.malformed("\(name) is compressed with method \(member.method); only stored and deflated are read")
        }
    }

    /// Raw DEFLATE (RFC 1951) to exactly `size` bytes.
    static func inflate(_ input: Data, size: Int, name: String) throws -> Data {
        if size == 0 { return Data() }
        var output = Data(count: size)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError.malformed("\(name): cannot start inflating")
        }
        defer { inflateEnd(&stream) }
        var input = input
        let status = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = source.bindMemory(to: Bytef.self).baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else {
            throw ZipError.malformed("\(name) does not inflate to its stated size")
        }
        return output
    }
}
