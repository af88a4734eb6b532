import Foundation

/// A person who uses Docket.
public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var username: String
    public var roles: [Role]
    public var agency: String?
    public var clearance: Classification
    /// bcrypt hash; nil when the user logs in with tokens only.
    public var passwordHash: String?
    public var disabled: Bool
    public var createdAt: Date

    public init(
        id: String, username: String, roles: [Role], agency: String? = nil,
        clearance: Classification = .internal, passwordHash: String? = nil,
        disabled: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.roles = roles
        self.agency = agency
        self.clearance = clearance
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// Whether the user holds any of `roles`.
    public func hasAny(_ roles: Set<Role>) -> Bool { !roles.isDisjoint(with: self.roles) }

    /// Whether the user may read something classified `level`.
    public func isCleared(for level: Classification) -> Bool { level <= clearance }
}
