import COpenSSL
import Foundation

/// A private key held by OpenSSL (an `EVP_PKEY`).
public final class PrivateKey: @unchecked Sendable {
    // EVP_PKEY is reference counted and safe to use for signing from several threads.
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }

    /// Generates a new key of `type`.
    public static func generate(_ type: KeyType) throws -> PrivateKey {
        let algorithm = type == .p256 ? "EC" : "RSA"
        guard let context = EVP_PKEY_CTX_new_from_name(nil, algorithm, nil) else {
            throw OpenSSLError("creating a \(algorithm) key context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_keygen_init(context), "starting key generation")
        switch type {
        case .p256: try check(EVP_PKEY_CTX_set_group_name(context, "P-256"), "choosing curve P-256")
        case .rsa3072: try check(EVP_PKEY_CTX_set_rsa_keygen_bits(context, 3072), "choosing RSA-3072")
        }
        var key: OpaquePointer?
        try check(EVP_PKEY_generate(context, &key), "generating a \(type.rawValue) key")
        guard let key else { throw OpenSSLError("generating a \(type.rawValue) key") }
        return PrivateKey(owning: key)
    }

    /// Reads a PEM private key (PKCS#8, encrypted or not, or a traditional format).
    /// - Throws: `KeyError.passphraseRequired` when the key is encrypted and no passphrase was given,
    ///   `KeyError.wrongPassphrase` when the passphrase does not open it.
    public static func load(pem: Data, passphrase: String?, name: String) throws -> PrivateKey {
        let encrypted = String(decoding: pem.prefix(4096), as: UTF8.self).contains("ENCRYPTED")
        if encrypted && (passphrase ?? "").isEmpty { throw KeyError.passphraseRequired(name) }
        let key = try MemoryBIO.withReading(pem) { bio in
            (passphrase ?? "").withCString { docket_PEM_read_bio_PrivateKey(bio, $0) }
        }
        guard let key else {
            let reason = OpenSSLError.drainQueue()
            if encrypted { throw KeyError.wrongPassphrase(name) }
            throw KeyError.unreadable(name, reason)
        }
        return PrivateKey(owning: key)
    }

    /// PKCS#8 PEM, encrypted with AES-256-CBC when `passphrase` is non-empty.
    public func pem(passphrase: String?) throws -> Data {
        let bio = try MemoryBIO.writable()
        defer { BIO_free(bio) }
        if let passphrase, !passphrase.isEmpty {
            let bytes = Array(passphrase.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                let raw = UnsafeMutableRawPointer(mutating: buffer.baseAddress!)
                try check(
                    PEM_write_bio_PKCS8PrivateKey(
                        bio, pointer, EVP_aes_256_cbc(), raw.assumingMemoryBound(to: CChar.self),
                        Int32(buffer.count), nil, nil),
                    "writing an encrypted private key")
            }
        } else {
            try check(PEM_write_bio_PKCS8PrivateKey(bio, pointer, nil, nil, 0, nil, nil), "writing a private key")
        }
        return MemoryBIO.contents(bio)
    }

    /// A short description such as "EC P-256" or "RSA 3072".
    public var algorithmDescription: String {
        let bits = EVP_PKEY_get_bits(pointer)
        switch EVP_PKEY_get_base_id(pointer) {
        case EVP_PKEY_EC: return bits == 256 ? "ECDSA P-256" : "ECDSA \(bits)-bit"
        case EVP_PKEY_RSA: return "RSA \(bits)"
        default: return "\(bits)-bit key"
        }
    }
}
