import COpenSSL
import Foundation

/// The certificates a verifier trusts as roots (an `X509_STORE`), built once and reused.
public final class TrustStore: @unchecked Sendable {
    // An X509_STORE is safe for concurrent verification once it is no longer modified.
    let pointer: OpaquePointer
    /// The trusted roots.
    public let anchors: [Certificate]

    /// Trusts exactly `anchors`.
    public init(anchors: [Certificate]) throws {
        guard let store = X509_STORE_new() else { throw OpenSSLError("allocating a trust store") }
        pointer = store
        self.anchors = anchors
        for anchor in anchors {
            try check(X509_STORE_add_cert(store, anchor.pointer), "adding \(anchor.subject) to the trust store")
        }
    }

    deinit { X509_STORE_free(pointer) }

    /// Checks that `certificate` chains to an anchor, using `intermediates` as untrusted helpers.
    /// - Returns: nil when the chain is valid now, else OpenSSL's reason.
    public func problem(with certificate: Certificate, intermediates: [Certificate] = []) -> String? {
        guard let context = X509_STORE_CTX_new() else { return "out of memory" }
        defer { X509_STORE_CTX_free(context) }
        let untrusted = docket_sk_X509_new_null()
        defer { docket_sk_X509_free(untrusted) }
        for intermediate in intermediates { docket_sk_X509_push(untrusted, intermediate.pointer) }
        guard X509_STORE_CTX_init(context, pointer, certificate.pointer, untrusted) == 1 else {
            return OpenSSLError("starting chain verification").description
        }
        X509_STORE_CTX_set_purpose(context, X509_PURPOSE_ANY)
        if X509_verify_cert(context) == 1 { return nil }
        let code = X509_STORE_CTX_get_error(context)
        ERR_clear_error()
        return String(cString: X509_verify_cert_error_string(Int(code)))
    }
}
