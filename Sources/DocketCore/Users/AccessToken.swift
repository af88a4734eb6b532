import Foundation

/// A bearer token as stored: only the SHA-256 of the secret is kept.
public struct AccessToken: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var userID: String
    /// Lowercase hex SHA-256 of the secret token.
    public var secretHash: String
    public var createdAt: Date
    public var expiresAt: Date?
    /// When it was revoked (signed out, or by its owner or an admin); it never works again.
    public var revokedAt: Date?
    public var revokedBy: String?

    public init(id: String, userID: String, secretHash: String, createdAt: Date, expiresAt: Date?) {
        self.id = id
        self.userID = userID
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Whether the token is past its expiry at `now`.
    public func isExpired(at now: Date) -> Bool {
        if let expiresAt { return expiresAt <= now }
        return false
    }
}
