/// The byte layout of the ZIP records Docket writes (APPNOTE 6.3.10): version 2.0, UTF-8 names,
/// data descriptors, stored entries, no extra fields, no comments. Writer and reader share it.
enum ZipLayout {
    static let localSignature: UInt32 = 0x0403_4b50
    static let descriptorSignature: UInt32 = 0x0807_4b50
    static let centralSignature: UInt32 = 0x0201_4b50
    static let endSignature: UInt32 = 0x0605_4b50
    static let version: UInt16 = 20
    /// Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
    static let flags: UInt16 = 0x0808
    static let localHeaderSize = 30
    static let descriptorSize = 16
    static let centralHeaderSize = 46
    static let endRecordSize = 22

    static func localHeader(name: [UInt8], time: UInt16, date: UInt16) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(localHeaderSize + name.count)
        out.append32(localSignature)
        out.append16(version)
        out.append16(flags)
        out.append16(0)  // stored
        out.append16(time)
        out.append16(date)
        out.append32(0)  // CRC, compressed and uncompressed size: in the descriptor
        out.append32(0)
        out.append32(0)
        out.append16(UInt16(name.count))
        out.append16(0)  // extra field length
        return out + name
    }

    static func dataDescriptor(crc: UInt32, size: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.append32(descriptorSignature)
        out.append32(crc)
        out.append32(size)
        out.append32(size)
        return out
    }

    static func centralHeader(name: [UInt8], time: UInt16, date: UInt16, crc: UInt32, size: UInt32, offset: UInt32)
        -> [UInt8]
    {
        var out: [UInt8] = []
        out.append32(centralSignature)
        out.append16(version)  // made by: MS-DOS, 2.0 — no platform attributes
        out.append16(version)
        out.append16(flags)
        out.append16(0)
        out.append16(time)
        out.append16(date)
        out.append32(crc)
        out.append32(size)
        out.append32(size)
        out.append16(UInt16(name.count))
        out.append16(0)  // extra
        out.append16(0)  // comment
        out.append16(0)  // disk
        out.append16(0)  // internal attributes
        out.append32(0)  // external attributes
        out.append32(offset)
        return out + name
    }

    static func endRecord(count: UInt16, directorySize: UInt32, directoryOffset: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.append32(endSignature)
        out.append16(0)
        out.append16(0)
        out.append16(count)
        out.append16(count)
        out.append32(directorySize)
        out.append32(directoryOffset)
        out.append16(0)  // comment length
        return out
    }

    /// Relative, slash-separated, no `..`, no empty parts, no backslashes or control characters.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count < 1024 && !name.hasPrefix("/")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }
            && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}

extension [UInt8] {
    mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        append16(UInt16(value & 0xFFFF))
        append16(UInt16(value >> 16))
    }
}
