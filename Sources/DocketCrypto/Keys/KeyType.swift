import COpenSSL
import Foundation

/// The kinds of signing key Docket makes.
public enum KeyType: String, Sendable, CaseIterable, Codable {
    /// ECDSA on NIST P-256: the default, fast to sign and verify.
    case p256
    /// RSA with a 3072-bit modulus.
    case rsa3072
}
