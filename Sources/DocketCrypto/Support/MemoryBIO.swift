import COpenSSL
import Foundation

/// Helpers to move bytes between Swift and OpenSSL memory BIOs.
enum MemoryBIO {
    /// Runs `body` with a read-only BIO over `data`'s own bytes (no copy).
    static func withReading<T>(_ data: Data, _ body: (OpaquePointer) throws -> T) throws -> T {
        try data.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count)) else {
                throw OpenSSLError("allocating a memory buffer")
            }
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }

    /// An empty writable BIO.
    static func writable() throws -> OpaquePointer {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLError("allocating a memory buffer") }
        return bio
    }

    /// Everything written to `bio` so far.
    static func contents(_ bio: OpaquePointer) -> Data {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = docket_BIO_get_mem_data(bio, &pointer)
        guard let pointer, length > 0 else { return Data() }
        return Data(bytes: pointer, count: length)
    }
}
