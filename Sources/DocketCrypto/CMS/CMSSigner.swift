import COpenSSL
import Foundation

/// Makes detached CMS (RFC 5652) signatures in DER with SHA-256, signed attributes
/// (signing time, message digest, signing-certificate-v2) and the signer's certificate embedded.
public struct CMSSigner: Sendable {
    /// The signer's certificate.
    public let certificate: Certificate
    /// Intermediate certificates to embed after the signer's (not the root).
    public let chain: [Certificate]
    let key: PrivateKey

    /// - Throws: `KeyError.mismatch` when the key does not belong to the certificate.
    public init(certificate: Certificate, key: PrivateKey, chain: [Certificate] = []) throws {
        guard certificate.matches(key) else { throw KeyError.mismatch(certificate.subject) }
        self.certificate = certificate
        self.key = key
        self.chain = chain
    }

    /// A signature and the SHA-256 of the content it covers (its message-digest attribute).
    public struct Signed: Sendable {
        public let der: Data
        public let contentSHA256: String
    }

    /// Signs the bytes of `data`.
    public func sign(_ data: Data) throws -> Signed {
        try MemoryBIO.withReading(data) { try sign(bio: $0) }
    }

    /// Signs the file at `path`, reading it as a stream (constant memory).
    public func sign(fileAt path: String) throws -> Signed {
        guard let bio = BIO_new_file(path, "rb") else { throw OpenSSLError("opening \(path)") }
        defer { BIO_free(bio) }
        return try sign(bio: bio)
    }

    private func sign(bio: OpaquePointer) throws -> Signed {
        var extra: OpaquePointer?
        if !chain.isEmpty {
            extra = docket_sk_X509_new_null()
            for certificate in chain { docket_sk_X509_push(extra, certificate.pointer) }
        }
        defer { if let extra { docket_sk_X509_free(extra) } }
        let flags = UInt32(CMS_DETACHED | CMS_BINARY | CMS_CADES | CMS_NOSMIMECAP)
        guard let cms = CMS_sign(certificate.pointer, key.pointer, extra, bio, flags) else {
            throw OpenSSLError("making the CMS signature")
        }
        defer { CMS_ContentInfo_free(cms) }
        let out = try MemoryBIO.writable()
        defer { BIO_free(out) }
        try check(i2d_CMS_bio(out, cms), "encoding the CMS signature")
        return Signed(der: MemoryBIO.contents(out), contentSHA256: Self.messageDigest(cms))
    }

    private static func messageDigest(_ cms: OpaquePointer) -> String {
        guard let infos = CMS_get0_SignerInfos(cms), let info = docket_sk_CMS_SignerInfo_value(infos, 0),
            let digest = CMS_signed_get0_data_by_OBJ(
                info, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING)
        else { return "" }
        let string = digest.assumingMemoryBound(to: ASN1_STRING.self)
        let bytes = UnsafeBufferPointer(start: ASN1_STRING_get0_data(string), count: Int(ASN1_STRING_length(string)))
        return bytes.hexString
    }
}
