import COpenSSL
import Foundation

/// Why a certificate could not be used.
public enum CertificateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file holds no certificate OpenSSL can read.
    case unreadable(String)
    /// The chain does not lead to a trusted root.
    case untrusted(String, String)

    public var description: String {
        switch self {
        case .unreadable(let name): "\(name) holds no readable X.509 certificate (PEM or DER expected)"
        case .untrusted(let name, let reason): "the certificate \(name) does not verify: \(reason)"
        }
    }
}
