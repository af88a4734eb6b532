import DocketCore
import DocketCrypto
import Foundation

/// What an admin supplies to create a user.
public struct NewUser: Sendable {
    public var username: String
    public var roles: [Role]
    public var agency: String?
    public var clearance: Classification
    public var password: String?

    public init(
        username: String, roles: [Role], agency: String? = nil, clearance: Classification = .internal,
        password: String? = nil
    ) {
        self.username = username
        self.roles = roles
        self.agency = agency
        self.clearance = clearance
        self.password = password
    }
}

extension NewUser {
    /// From what an admin typed or sent: role names (each may be a comma-separated list) and a
    /// clearance, which defaults to internal.
    public init(username: String, roles: [String], agency: String?, clearance: String?, password: String?) throws {
        self.init(
            username: username, roles: try Role.parseList(roles.joined(separator: ","), field: "roles"), agency: agency,
            clearance: try Classification.parse(optional: clearance, field: "clearance") ?? .internal, password: password)
    }
}
