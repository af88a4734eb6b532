import DocketCore
import DocketCrypto
import Foundation

/// A token as handed to its owner: the secret appears here once and is never stored.
public struct IssuedToken: Sendable, Codable {
    public var token: String
    public var id: String
    public var username: String
    public var expiresAt: Date?
}
