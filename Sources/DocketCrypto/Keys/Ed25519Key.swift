import COpenSSL
import Foundation

/// Ed25519 through OpenSSL: the audit log's checkpoints are signed notes (C2SP signed-note), and
/// `openssl pkeyutl -verify -rawin` checks them.
public enum Ed25519 {
    /// A new private key.
    public static func generate() throws -> PrivateKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "ED25519", nil) else {
            throw OpenSSLError("creating an Ed25519 key context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_keygen_init(context), "starting key generation")
        var key: OpaquePointer?
        try check(EVP_PKEY_generate(context, &key), "generating an Ed25519 key")
        guard let key else { throw OpenSSLError("generating an Ed25519 key") }
        return PrivateKey(owning: key)
    }

    /// The 64-byte signature of `message` (pure Ed25519: the message itself, not a digest).
    public static func sign(_ message: [UInt8], with key: PrivateKey) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLError("allocating a signing context") }
        defer { EVP_MD_CTX_free(context) }
        try check(EVP_DigestSignInit(context, nil, nil, nil, key.pointer), "starting an Ed25519 signature")
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        try check(EVP_DigestSign(context, &signature, &length, message, message.count), "signing with Ed25519")
        return Array(signature.prefix(length))
    }

    /// Whether `signature` is `key`'s (32 raw bytes) over `message`.
    public static func verify(_ signature: [UInt8], of message: [UInt8], publicKey key: [UInt8]) -> Bool {
        guard let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, key, key.count) else {
            _ = OpenSSLError.drainQueue()
            return false
        }
        defer { EVP_PKEY_free(pkey) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, nil, nil, pkey) == 1 else {
            _ = OpenSSLError.drainQueue()
            return false
        }
        let valid = EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
        if !valid { _ = OpenSSLError.drainQueue() }
        return valid
    }

    /// The raw 32-byte public key of an Ed25519 private key.
    public static func publicKey(of key: PrivateKey) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 32)
        var length = 32
        try check(EVP_PKEY_get_raw_public_key(key.pointer, &bytes, &length), "reading the Ed25519 public key")
        return Array(bytes.prefix(length))
    }

    /// The public key as SubjectPublicKeyInfo PEM, which `openssl pkeyutl -pubin -inkey` reads.
    public static func publicKeyPEM(of key: PrivateKey) throws -> Data {
        let bio = try MemoryBIO.writable()
        defer { BIO_free(bio) }
        try check(PEM_write_bio_PUBKEY(bio, key.pointer), "writing the Ed25519 public key")
        return MemoryBIO.contents(bio)
    }
}
