import COpenSSL
import Foundation

/// Why a signature could not even be read.
public enum SignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a DER CMS SignedData.
    case malformed(String)
    /// The signature carries no signer certificate.
    case signerMissing

    public var description: String {
        switch self {
        case .malformed(let reason): "not a DER CMS signature (\(reason))"
        case .signerMissing: "the signature does not embed its signer's certificate"
        }
    }
}
