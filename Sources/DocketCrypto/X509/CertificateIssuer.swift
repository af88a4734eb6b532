import COpenSSL
import Foundation

/// Issues X.509 certificates: a self-signed organisation root, and signing certificates under it.
public enum CertificateIssuer {
    /// What a new certificate is for.
    public enum Profile: Sendable {
        /// A root CA: `CA:TRUE`, keyCertSign and cRLSign.
        case rootCA
        /// A document signer: `CA:FALSE`, digitalSignature and nonRepudiation.
        case documentSigner
    }

    /// Distinguished name parts; empty parts are left out.
    public struct Name: Sendable {
        public var commonName: String
        public var organization: String
        public var country: String

        public init(commonName: String, organization: String = "", country: String = "VN") {
            self.commonName = commonName
            self.organization = organization
            self.country = country
        }
    }

    /// Issues a certificate for `subjectKey`, signed by `issuerKey` (itself for a root).
    /// - Parameter issuer: the issuing CA's certificate, or nil for a self-signed root.
    public static func issue(
        _ profile: Profile, subject: Name, subjectKey: PrivateKey,
        issuer: Certificate?, issuerKey: PrivateKey, validFrom: Date, days: Int
    ) throws -> Certificate {
        guard let x509 = X509_new() else { throw OpenSSLError("allocating a certificate") }
        let certificate = Certificate(owning: x509)
        try check(X509_set_version(x509, 2), "setting the certificate version")

        let serialBytes = try SecureRandom.bytes(16)
        guard let serialBN = BN_bin2bn(serialBytes, 16, nil) else { throw OpenSSLError("making a serial") }
        defer { BN_free(serialBN) }
        BN_set_bit(serialBN, 126)  // positive and a fixed length
        BN_clear_bit(serialBN, 127)
        guard let serial = BN_to_ASN1_INTEGER(serialBN, nil) else { throw OpenSSLError("making a serial") }
        defer { ASN1_INTEGER_free(serial) }
        try check(X509_set_serialNumber(x509, serial), "setting the serial")

        let start = time_t(validFrom.timeIntervalSince1970)
        var notBeforeTime = start
        X509_time_adj_ex(X509_getm_notBefore(x509), 0, 0, &notBeforeTime)
        var notAfterTime = start
        X509_time_adj_ex(X509_getm_notAfter(x509), Int32(days), 0, &notAfterTime)

        try check(X509_set_pubkey(x509, subjectKey.pointer), "setting the public key")
        guard let name = X509_NAME_new() else { throw OpenSSLError("allocating a name") }
        defer { X509_NAME_free(name) }
        for (field, value) in [("C", subject.country), ("O", subject.organization), ("CN", subject.commonName)]
        where !value.isEmpty {
            try check(
                X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0),
                "setting \(field) in the subject name")
        }
        try check(X509_set_subject_name(x509, name), "setting the subject")
        let issuerName = issuer.map { X509_get_subject_name($0.pointer) } ?? name
        try check(X509_set_issuer_name(x509, issuerName), "setting the issuer")

        var extensions: [(Int32, String)] = [(NID_subject_key_identifier, "hash")]
        switch profile {
        case .rootCA:
            extensions += [
                (NID_basic_constraints, "critical,CA:TRUE"),
                (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_authority_key_identifier, "keyid:always"),
            ]
        case .documentSigner:
            extensions += [
                (NID_basic_constraints, "critical,CA:FALSE"),
                (NID_key_usage, "critical,digitalSignature,nonRepudiation"),
                (NID_authority_key_identifier, "keyid:always"),
            ]
        }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.pointer ?? x509, x509, nil, nil, 0)
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw OpenSSLError("adding extension \(value)")
            }
            defer { X509_EXTENSION_free(ext) }
            try check(X509_add_ext(x509, ext, -1), "adding extension \(value)")
        }
        guard X509_sign(x509, issuerKey.pointer, EVP_sha256()) > 0 else {
            throw OpenSSLError("signing the certificate")
        }
        return certificate
    }
}
