import COpenSSL
import Foundation

/// An X.509 certificate held by OpenSSL.
public final class Certificate: @unchecked Sendable {
    // Certificates are immutable once built, so sharing them across threads is safe.
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_free(pointer) }

    /// Takes a reference to a certificate owned elsewhere.
    static func retaining(_ pointer: OpaquePointer) -> Certificate {
        X509_up_ref(pointer)
        return Certificate(owning: pointer)
    }

    /// Every certificate in a PEM bundle, in order.
    public static func loadAll(pem: Data) throws -> [Certificate] {
        try MemoryBIO.withReading(pem) { bio in
            var certificates: [Certificate] = []
            while let x509 = PEM_read_bio_X509(bio, nil, nil, nil) {
                certificates.append(Certificate(owning: x509))
            }
            ERR_clear_error()  // the loop ends on an expected "no start line"
            return certificates
        }
    }

    /// The single certificate in a PEM file.
    public static func load(pem: Data, name: String) throws -> Certificate {
        guard let first = try loadAll(pem: pem).first else {
            throw CertificateError.unreadable(name)
        }
        return first
    }

    /// Parses a DER certificate.
    public static func load(der: Data, name: String) throws -> Certificate {
        let x509 = der.withUnsafeBytes { raw -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return d2i_X509(nil, &cursor, raw.count)
        }
        guard let x509 else { throw CertificateError.unreadable(name) }
        return Certificate(owning: x509)
    }

    /// PEM encoding.
    public var pem: Data {
        guard let bio = try? MemoryBIO.writable() else { return Data() }
        defer { BIO_free(bio) }
        PEM_write_bio_X509(bio, pointer)
        return MemoryBIO.contents(bio)
    }

    /// Subject as a one-line RFC 2253 string, e.g. `CN=Văn phòng,O=Tỉnh ủy`.
    public var subject: String { Self.describe(X509_get_subject_name(pointer)) }
    /// Issuer as a one-line RFC 2253 string.
    public var issuer: String { Self.describe(X509_get_issuer_name(pointer)) }

    /// Serial number in uppercase hex.
    public var serial: String {
        guard let bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(pointer), nil) else { return "" }
        defer { BN_free(bn) }
        guard let hex = BN_bn2hex(bn) else { return "" }
        defer { docket_OPENSSL_free(hex) }
        return String(cString: hex)
    }

    /// Start of validity.
    public var notBefore: Date { Self.date(X509_get0_notBefore(pointer)) ?? .distantPast }
    /// End of validity.
    public var notAfter: Date { Self.date(X509_get0_notAfter(pointer)) ?? .distantPast }

    /// SHA-256 fingerprint of the DER encoding, lowercase hex.
    public var fingerprint: String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        X509_digest(pointer, EVP_sha256(), &digest, &length)
        return digest.hexString
    }

    /// Whether this certificate's public key belongs to `key`.
    public func matches(_ key: PrivateKey) -> Bool {
        X509_check_private_key(pointer, key.pointer) == 1
    }

    /// Whether the certificate is marked as a CA.
    public var isCA: Bool { X509_check_ca(pointer) > 0 }

    static func describe(_ name: OpaquePointer?) -> String {
        guard let name, let bio = try? MemoryBIO.writable() else { return "" }
        defer { BIO_free(bio) }
        X509_NAME_print_ex(bio, name, 0, docket_name_flags())
        return String(decoding: MemoryBIO.contents(bio), as: UTF8.self)
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

extension Certificate {
    /// Whether the certificate is its own issuer (a root).
    public var isSelfSigned: Bool { X509_check_issued(pointer, pointer) == X509_V_OK }
}
