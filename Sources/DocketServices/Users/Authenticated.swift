import DocketCore
import DocketCrypto
import Foundation

/// A bearer token resolved to its user: who is asking, and until when the token holds.
public struct Authenticated: Sendable {
    public let user: User
    public let tokenID: String
    /// When the token stops working: its own expiry or its owner's role limit, whichever is first.
    public let expiresAt: Date
}
