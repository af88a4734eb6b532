import Foundation
import Glibc

/// Little-endian fields out of a byte array.
struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - index }
    var position: Int { index }

    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    mutating func u16() -> UInt16 {
        guard remaining >= 2 else { index = bytes.count; return 0 }
        defer { index += 2 }
        return UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
    }

    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }

    mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }

    mutating func take(_ count: Int) -> [UInt8] {
        let end = min(index + count, bytes.count)
        defer { index = end }
        return Array(bytes[index..<end])
    }
}
