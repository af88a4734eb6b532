import CZlib

/// The ZIP checksum (CRC-32), from zlib.
struct CRC32 {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        // zlib takes a 32-bit length.
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 << 30)
            value = UInt32(crc32(uLong(value), base.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(length)))
            offset += length
        }
    }
}
