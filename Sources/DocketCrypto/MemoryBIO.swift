import COpenSSL
import Foundation

/// Helpers to move bytes between Swift and OpenSSL memory BIOs.
enum MemoryBIO {
    /// A read-only BIO over a copy of `data`.
    static func reading(_ data: Data) throws -> OpaquePointer {
        let bio = data.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new(BIO_s_mem()) else { return nil }
            if raw.count > 0 { BIO_write(bio, raw.baseAddress, Int32(raw.count)) }
            return bio
        }
        guard let bio else { throw OpenSSLError("allocating a memory buffer") }
        return bio
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
