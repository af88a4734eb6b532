import COpenSSL
import Foundation

/// Verifies detached CMS signatures against a `TrustStore`.
public struct CMSVerifier: Sendable {
    /// The roots this verifier trusts.
    public let trust: TrustStore
    /// The time-stamping authorities it trusts; nil reports every time-stamp as unchecked.
    public let timestampTrust: TrustStore?

    public init(trust: TrustStore, timestampTrust: TrustStore? = nil) {
        self.trust = trust
        self.timestampTrust = timestampTrust
    }

    /// Checks `signature` (DER) over the bytes of `content`.
    public func verify(signature: Data, content: Data) throws -> SignatureReport {
        try MemoryBIO.withReading(content) { try verify(signature: signature, contentBIO: $0) }
    }

    /// Checks `signature` (DER) over the file at `path`, streaming it.
    public func verify(signature: Data, contentFileAt path: String) throws -> SignatureReport {
        guard let bio = BIO_new_file(path, "rb") else { throw OpenSSLError("opening \(path)") }
        defer { BIO_free(bio) }
        return try verify(signature: signature, contentBIO: bio)
    }

    private func verify(signature: Data, contentBIO: OpaquePointer) throws -> SignatureReport {
        let parsed = try MemoryBIO.withReading(signature) { d2i_CMS_bio($0, nil) }
        guard let cms = parsed else { throw SignatureError.malformed(OpenSSLError.drainQueue()) }
        defer { CMS_ContentInfo_free(cms) }
        guard let infos = CMS_get0_SignerInfos(cms), docket_sk_CMS_SignerInfo_num(infos) > 0,
            let info = docket_sk_CMS_SignerInfo_value(infos, 0)
        else { throw SignatureError.malformed("no signer information") }

        CMS_set1_signers_certs(cms, nil, 0)
        var signer: OpaquePointer?
        CMS_SignerInfo_get0_algs(info, nil, &signer, nil, nil)
        ERR_clear_error()
        guard let signer else { throw SignatureError.signerMissing }
        let certificate = Certificate.retaining(signer)

        let flags = UInt32(CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY)
        let contentMatches = CMS_verify(cms, nil, nil, contentBIO, nil, flags) == 1
        let contentProblem = contentMatches ? nil : Self.contentProblem(OpenSSLError.drainReasons())

        var embedded: [Certificate] = []
        if let certs = CMS_get1_certs(cms) {
            for index in 0..<docket_sk_X509_num(certs) {
                if let x509 = docket_sk_X509_value(certs, index) { embedded.append(.retaining(x509)) }
            }
            docket_sk_X509_pop_free(certs)
        }
        let chainProblem = trust.problem(with: certificate, intermediates: embedded)

        return SignatureReport(
            signerSubject: certificate.subject, signerIssuer: certificate.issuer,
            signerSerial: certificate.serial, signingTime: Self.signingTime(info),
            contentMatches: contentMatches, contentProblem: contentProblem,
            chainValid: chainProblem == nil, chainProblem: chainProblem, timestamp: timestamp(of: info))
    }

    private func timestamp(of info: OpaquePointer) -> TimestampToken.Report? {
        let index = CMS_unsigned_get_attr_by_NID(info, NID_id_smime_aa_timeStampToken, -1)
        guard index >= 0 else { return nil }
        guard let attribute = CMS_unsigned_get_attr(info, index), let value = X509_ATTRIBUTE_get0_type(attribute, 0),
            value.pointee.type == V_ASN1_SEQUENCE, let sequence = value.pointee.value.sequence,
            let signature = CMS_SignerInfo_get0_signature(info)
        else { return TimestampToken.Report(valid: false, problem: "the time-stamp attribute is malformed") }
        return TimestampToken.verify(
            token: Data(bytes: ASN1_STRING_get0_data(sequence), count: Int(ASN1_STRING_length(sequence))),
            over: Data(bytes: ASN1_STRING_get0_data(signature), count: Int(ASN1_STRING_length(signature))),
            trust: timestampTrust)
    }

    /// OpenSSL queues "content verify error" only when the message digest differs; a bad
    /// signature value alone queues just "verification failure".
    private static func contentProblem(_ reasons: [String]) -> String {
        if reasons.contains("content verify error") {
            return "the content does not match the signed digest (it was changed)"
        }
        if reasons.contains("verification failure") {
            return "the signature value does not verify (the signature was changed)"
        }
        return reasons.first ?? "the signature does not verify"
    }

    private static func signingTime(_ info: OpaquePointer) -> Date? {
        let index = CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1)
        guard index >= 0, let attribute = CMS_signed_get_attr(info, index),
            let value = X509_ATTRIBUTE_get0_type(attribute, 0)
        else { return nil }
        let type = value.pointee.type
        guard type == V_ASN1_UTCTIME || type == V_ASN1_GENERALIZEDTIME else { return nil }
        return Certificate.date(UnsafePointer(value.pointee.value.asn1_string))
    }
}
