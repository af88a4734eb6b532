import DocketCore
import Foundation

/// A token as its owner and admins see it: never its secret or hash.
public struct TokenView: Sendable, Codable, Equatable {
    public var id: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    /// Whether it still lets its bearer in: not revoked and not expired.
    public var active: Bool

    init(_ token: AccessToken, now: Date) {
        id = token.id
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        revokedAt = token.revokedAt
        active = token.revokedAt == nil && !token.isExpired(at: now)
    }
}
