import DocketCore
import Foundation

/// A user as shown to clients: everything but the password hash.
public struct UserView: Sendable, Codable, Equatable {
    public var id: String
    public var username: String
    public var roles: [Role]
    public var agency: String?
    public var clearance: Classification
    public var disabled: Bool
    public var createdAt: Date

    public init(_ user: User) {
        id = user.id
        username = user.username
        roles = user.roles
        agency = user.agency
        clearance = user.clearance
        disabled = user.disabled
        createdAt = user.createdAt
    }
}
