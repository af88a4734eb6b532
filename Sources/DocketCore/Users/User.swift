import Foundation

/// A person who uses Docket. Holds no secret: the password hash stays in storage, where only
/// sign-in reads it, so no front end can forget to strip it.
public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var username: String
    public var roles: [Role]
    public var agency: String?
    public var clearance: Classification
    public var disabled: Bool
    public var createdAt: Date

    public init(
        id: String, username: String, roles: [Role], agency: String? = nil,
        clearance: Classification = .internal,
        disabled: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.roles = roles
        self.agency = agency
        self.clearance = clearance
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// Whether the user holds any of `roles`.
    public func hasAny(_ roles: Set<Role>) -> Bool { !roles.isDisjoint(with: self.roles) }

    /// Whether the user may read something classified `level`.
    public func isCleared(for level: Classification) -> Bool { level <= clearance }
}
