import COpenSSL

/// Cryptographically strong random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        try check(RAND_bytes(&buffer, Int32(count)), "drawing random bytes")
        return buffer
    }
}
