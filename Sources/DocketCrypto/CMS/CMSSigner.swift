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
    /// Asks a time-stamping authority for a token over a signature value (RFC 3161); nil signs
    /// without time-stamps.
    public private(set) var timestamper: Timestamper?

    public typealias Timestamper = @Sendable (_ signatureValue: Data) throws -> Data

    /// - Throws: `KeyError.mismatch` when the key does not belong to the certificate.
    public init(certificate: Certificate, key: PrivateKey, chain: [Certificate] = []) throws {
        guard certificate.matches(key) else { throw KeyError.mismatch(certificate.subject) }
        self.certificate = certificate
        self.key = key
        self.chain = chain
    }

    /// This signer, with every signature time-stamped by `timestamper` (CAdES B-T: the token
    /// sits in the signer's unsigned attributes).
    public func timestamped(by timestamper: Timestamper?) -> CMSSigner {
        var signer = self
        signer.timestamper = timestamper
        return signer
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
        if let timestamper { try Self.addTimestamp(to: cms, from: timestamper) }
        let out = try MemoryBIO.writable()
        defer { BIO_free(out) }
        try check(i2d_CMS_bio(out, cms), "encoding the CMS signature")
        return Signed(der: MemoryBIO.contents(out), contentSHA256: Self.messageDigest(cms))
    }

    private static func addTimestamp(to cms: OpaquePointer, from timestamper: Timestamper) throws {
        guard let infos = CMS_get0_SignerInfos(cms), let info = docket_sk_CMS_SignerInfo_value(infos, 0),
            let value = CMS_SignerInfo_get0_signature(info)
        else { throw OpenSSLError("reading the signature value") }
        let token = try timestamper(Data(bytes: ASN1_STRING_get0_data(value), count: Int(ASN1_STRING_length(value))))
        try check(
            token.withUnsafeBytes {
                CMS_unsigned_add1_attr_by_OBJ(
                    info, OBJ_nid2obj(NID_id_smime_aa_timeStampToken), V_ASN1_SEQUENCE, $0.baseAddress, Int32($0.count))
            }, "adding the time-stamp token")
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
