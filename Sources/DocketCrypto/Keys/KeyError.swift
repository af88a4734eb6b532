import COpenSSL
import Foundation

/// Why a private key could not be used.
public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key is encrypted and no passphrase was supplied.
    case passphraseRequired(String)
    /// The supplied passphrase does not decrypt the key.
    case wrongPassphrase(String)
    /// The file is not a private key OpenSSL can read.
    case unreadable(String, String)
    /// The certificate does not belong to the key.
    case mismatch(String)

    public var description: String {
        switch self {
        case .passphraseRequired(let name):
            "the private key \(name) is encrypted; set DOCKET_KEY_PASSPHRASE to its passphrase"
        case .wrongPassphrase(let name):
            "the passphrase in DOCKET_KEY_PASSPHRASE does not open the private key \(name)"
        case .unreadable(let name, let reason):
            "\(name) is not a readable PEM private key" + (reason.isEmpty ? "" : " (\(reason))")
        case .mismatch(let name):
            "the certificate \(name) does not belong to the given private key"
        }
    }
}
