import COpenSSL
import Foundation

/// RFC 3161 time-stamps on CMS signatures (CAdES B-T): a request over the SHA-256 of a signature
/// value, the authority's reply checked before its token is kept, and the token checked again
/// when the signature is verified.
public enum TimestampToken {
    /// A time-stamp query (DER) asking for the authority's certificate in the token.
    public struct Request: Sendable {
        public let der: Data
    }

    /// What checking a signature's time-stamp token found.
    public struct Report: Sendable, Codable, Equatable {
        /// The time the authority vouches the signature existed at.
        public var time: Date?
        /// Subject of the authority's certificate.
        public var authority: String?
        /// Whether the token is signed by a trusted authority over this signature's value.
        public var valid: Bool
        /// Why it is not, when it is not.
        public var problem: String?
    }

    /// A query over `signatureValue` with a random nonce.
    public static func request(over signatureValue: Data) throws -> Request {
        let digest = SHA256Hasher()
        digest.update(signatureValue)
        let hash = digest.finalize()
        guard let request = TS_REQ_new() else { throw OpenSSLError("allocating a time-stamp request") }
        defer { TS_REQ_free(request) }
        guard let imprint = TS_MSG_IMPRINT_new() else { throw OpenSSLError("allocating a message imprint") }
        defer { TS_MSG_IMPRINT_free(imprint) }
        guard let algorithm = X509_ALGOR_new() else { throw OpenSSLError("allocating an algorithm") }
        defer { X509_ALGOR_free(algorithm) }
        try check(X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nil), "naming SHA-256")
        try check(TS_MSG_IMPRINT_set_algo(imprint, algorithm), "setting the imprint's algorithm")
        try check(hash.withUnsafeBufferPointer { TS_MSG_IMPRINT_set_msg(imprint, UnsafeMutablePointer(mutating: $0.baseAddress), Int32($0.count)) }, "setting the imprint")
        try check(TS_REQ_set_version(request, 1), "setting the request's version")
        try check(TS_REQ_set_msg_imprint(request, imprint), "setting the request's imprint")
        let nonce = try SecureRandom.bytes(8)
        guard let number = nonce.withUnsafeBufferPointer({ BN_bin2bn($0.baseAddress, Int32($0.count), nil) }) else {
            throw OpenSSLError("making a nonce")
        }
        defer { BN_free(number) }
        guard let integer = BN_to_ASN1_INTEGER(number, nil) else { throw OpenSSLError("encoding the nonce") }
        defer { ASN1_INTEGER_free(integer) }
        try check(TS_REQ_set_nonce(request, integer), "setting the nonce")
        try check(TS_REQ_set_cert_req(request, 1), "asking for the authority's certificate")
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_TS_REQ(request, &out)
        guard length > 0, let out else { throw OpenSSLError("encoding the time-stamp request") }
        defer { docket_OPENSSL_free(out) }
        return Request(der: Data(bytes: out, count: Int(length)))
    }

    /// The token (a CMS ContentInfo, DER) in the authority's `reply` to `request`, after checking
    /// that it was granted, answers this request (imprint and nonce) and is signed by an
    /// authority `trust` accepts.
    public static func token(in reply: Data, for request: Request, trust: TrustStore) throws -> Data {
        guard let response = parse(reply, d2i_TS_RESP) else {
            throw TimestampError.malformedReply(OpenSSLError.drainQueue())
        }
        defer { TS_RESP_free(response) }
        guard let query = parse(request.der, d2i_TS_REQ) else { throw OpenSSLError("reading the time-stamp request") }
        defer { TS_REQ_free(query) }
        guard let context = TS_REQ_to_TS_VERIFY_CTX(query, nil) else { throw OpenSSLError("preparing to check the reply") }
        defer { TS_VERIFY_CTX_free(context) }
        TS_VERIFY_CTX_add_flags(context, Int32(TS_VFY_SIGNATURE))
        X509_STORE_up_ref(trust.pointer)
        TS_VERIFY_CTX_set_store(context, trust.pointer)
        guard TS_RESP_verify_response(context, response) == 1 else {
            throw TimestampError.refused(OpenSSLError.drainReasons().joined(separator: "; "))
        }
        guard let token = TS_RESP_get_token(response) else { throw TimestampError.refused("the reply holds no token") }
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PKCS7(token, &out)
        guard length > 0, let out else { throw OpenSSLError("encoding the time-stamp token") }
        defer { docket_OPENSSL_free(out) }
        return Data(bytes: out, count: Int(length))
    }

    /// Checks `token` over `signatureValue` against the authorities `trust` accepts.
    public static func verify(token der: Data, over signatureValue: Data, trust: TrustStore?) -> Report {
        guard let token = parse(der, d2i_PKCS7) else {
            return Report(valid: false, problem: "the time-stamp token is not readable: \(OpenSSLError.drainQueue())")
        }
        defer { PKCS7_free(token) }
        var report = Report(valid: false)
        if let info = PKCS7_to_TS_TST_INFO(token) {
            report.time = Certificate.date(TS_TST_INFO_get_time(info))
            TS_TST_INFO_free(info)
        }
        if let signers = PKCS7_get0_signers(token, nil, 0) {
            if docket_sk_X509_num(signers) > 0, let signer = docket_sk_X509_value(signers, 0) {
                report.authority = Certificate.retaining(signer).subject
            }
            docket_sk_X509_free(signers)
        }
        guard let trust else {
            report.problem = "no time-stamping authority is trusted here"
            return report
        }
        guard let context = TS_VERIFY_CTX_new() else {
            report.problem = "out of memory"
            return report
        }
        defer { TS_VERIFY_CTX_free(context) }
        TS_VERIFY_CTX_set_flags(context, Int32(TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_DATA))
        X509_STORE_up_ref(trust.pointer)
        TS_VERIFY_CTX_set_store(context, trust.pointer)
        // The context owns and frees the data BIO.
        guard let data = BIO_new(BIO_s_mem()) else {
            report.problem = "out of memory"
            return report
        }
        _ = signatureValue.withUnsafeBytes { BIO_write(data, $0.baseAddress, Int32($0.count)) }
        TS_VERIFY_CTX_set_data(context, data)
        if TS_RESP_verify_token(context, token) == 1 {
            report.valid = true
        } else {
            let reasons = OpenSSLError.drainReasons()
            report.problem = reasons.contains("message imprint mismatch")
                ? "the token covers another signature value (it was moved or the signature was changed)"
                : reasons.first ?? "the time-stamp token does not verify"
        }
        ERR_clear_error()
        return report
    }

    private static func parse<T>(
        _ der: Data, _ decode: (UnsafeMutablePointer<T?>?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int) -> T?
    ) -> T? {
        der.withUnsafeBytes { raw -> T? in
            var cursor = raw.bindMemory(to: UInt8.self).baseAddress.map { UnsafePointer($0) }
            return decode(nil, &cursor, raw.count)
        }
    }
}

/// Why a time-stamping authority's reply was not taken.
public enum TimestampError: Error, Sendable, CustomStringConvertible {
    case malformedReply(String)
    case refused(String)

    public var description: String {
        switch self {
        case .malformedReply(let reason): "the time-stamping authority's reply is not a time-stamp response: \(reason)"
        case .refused(let reason): "the time-stamping authority's reply was not accepted: \(reason)"
        }
    }
}
