/// The byte layout of the ZIP records Docket writes (APPNOTE 6.3.10): UTF-8 names, data
/// descriptors, stored entries, no comments. Writer and reader share it, so the reader can demand
/// exactly the bytes the writer would have produced.
///
/// ZIP64 only where a value does not fit the classic fields: an entry of 4 GiB or more carries a
/// ZIP64 extra field and a 64-bit data descriptor; an entry starting beyond 4 GiB keeps its offset
/// in the central directory's ZIP64 extra field; more than 65,534 entries or a directory beyond
/// 4 GiB adds the ZIP64 end record and its locator. Small packs stay classic ZIP 2.0.
enum ZipLayout {
    static let localSignature: UInt32 = 0x0403_4b50
    static let descriptorSignature: UInt32 = 0x0807_4b50
    static let centralSignature: UInt32 = 0x0201_4b50
    static let zip64EndSignature: UInt32 = 0x0606_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let endSignature: UInt32 = 0x0605_4b50
    static let version: UInt16 = 20
    static let zip64Version: UInt16 = 45
    static let zip64ExtraID: UInt16 = 0x0001
    /// Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
    static let flags: UInt16 = 0x0808
    static let localHeaderSize = 30
    static let centralHeaderSize = 46
    static let endRecordSize = 22
    static let zip64EndRecordSize = 56
    static let zip64LocatorSize = 20
    /// A classic field holding this says "the value is in the ZIP64 record".
    static let full32 = UInt64(UInt32.max)
    static let full16 = Int(UInt16.max)

    static func isZip64(size: UInt64) -> Bool { size >= full32 }

    static func localHeader(name: [UInt8], time: UInt16, date: UInt16, size: UInt64) -> [UInt8] {
        let zip64 = isZip64(size: size)
        var out: [UInt8] = []
        out.reserveCapacity(localHeaderSize + name.count + 20)
        out.append32(localSignature)
        out.append16(zip64 ? zip64Version : version)
        out.append16(flags)
        out.append16(0)  // stored
        out.append16(time)
        out.append16(date)
        out.append32(0)  // CRC: in the descriptor
        out.append32(zip64 ? UInt32.max : 0)  // sizes: in the descriptor (ZIP64: in 64 bits)
        out.append32(zip64 ? UInt32.max : 0)
        out.append16(UInt16(name.count))
        out.append16(zip64 ? 20 : 0)
        out += name
        if zip64 { out.appendZip64Extra([0, 0]) }  // both sizes, as APPNOTE 4.5.3 asks; known only after the data
        return out
    }

    static func dataDescriptor(crc: UInt32, size: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.append32(descriptorSignature)
        out.append32(crc)
        if isZip64(size: size) {
            out.append64(size)
            out.append64(size)
        } else {
            out.append32(UInt32(size))
            out.append32(UInt32(size))
        }
        return out
    }

    /// Where an archive says its members were made. Docket writes Unix (`-rw-r--r--` files) since
    /// Info-ZIP's `unzip` reads a UTF-8 name as code page 437 in an archive made on MS-DOS, whatever
    /// bit 11 says; packs written before said MS-DOS, and are still read.
    enum Origin: CaseIterable {
        case unix, msDOS

        var madeBy: UInt16 { self == .unix ? 3 << 8 : 0 }
        var externalAttributes: UInt32 { self == .unix ? 0o100644 << 16 : 0 }
    }

    static func centralHeader(
        name: [UInt8], time: UInt16, date: UInt16, crc: UInt32, size: UInt64, offset: UInt64, origin: Origin = .unix
    ) -> [UInt8] {
        let extra = (isZip64(size: size) ? [size, size] : []) + (offset >= full32 ? [offset] : [])
        var out: [UInt8] = []
        out.append32(centralSignature)
        out.append16(origin.madeBy | (extra.isEmpty ? version : zip64Version))
        out.append16(extra.isEmpty ? version : zip64Version)
        out.append16(flags)
        out.append16(0)
        out.append16(time)
        out.append16(date)
        out.append32(crc)
        out.append32(UInt32(min(size, full32)))
        out.append32(UInt32(min(size, full32)))
        out.append16(UInt16(name.count))
        out.append16(extra.isEmpty ? 0 : UInt16(4 + 8 * extra.count))
        out.append16(0)  // comment
        out.append16(0)  // disk
        out.append16(0)  // internal attributes
        out.append32(origin.externalAttributes)
        out.append32(UInt32(min(offset, full32)))
        out += name
        if !extra.isEmpty { out.appendZip64Extra(extra) }
        return out
    }

    static func needsZip64End(count: Int, directorySize: UInt64, directoryOffset: UInt64) -> Bool {
        count >= full16 || directorySize >= full32 || directoryOffset >= full32
    }

    /// The records after the central directory: the ZIP64 end record and locator when needed,
    /// then the classic end record (its overflowing fields set to all ones).
    static func endRecords(count: Int, directorySize: UInt64, directoryOffset: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        if needsZip64End(count: count, directorySize: directorySize, directoryOffset: directoryOffset) {
            out.append32(zip64EndSignature)
            out.append64(UInt64(zip64EndRecordSize - 12))  // the size of the rest of this record
            out.append16(zip64Version)
            out.append16(zip64Version)
            out.append32(0)  // this disk
            out.append32(0)  // the directory's disk
            out.append64(UInt64(count))
            out.append64(UInt64(count))
            out.append64(directorySize)
            out.append64(directoryOffset)
            out.append32(zip64LocatorSignature)
            out.append32(0)
            out.append64(directoryOffset + directorySize)  // where the ZIP64 end record starts
            out.append32(1)  // disks in all
        }
        out.append32(endSignature)
        out.append16(0)
        out.append16(0)
        out.append16(UInt16(min(count, full16)))
        out.append16(UInt16(min(count, full16)))
        out.append32(UInt32(min(directorySize, full32)))
        out.append32(UInt32(min(directoryOffset, full32)))
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

    mutating func append64(_ value: UInt64) {
        append32(UInt32(value & 0xFFFF_FFFF))
        append32(UInt32(value >> 32))
    }

    mutating func appendZip64Extra(_ values: [UInt64]) {
        append16(ZipLayout.zip64ExtraID)
        append16(UInt16(8 * values.count))
        values.forEach { append64($0) }
    }
}
