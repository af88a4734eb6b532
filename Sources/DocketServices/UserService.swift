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

/// A token as handed to its owner: the secret appears here once and is never stored.
public struct IssuedToken: Sendable, Codable {
    public var token: String
    public var id: String
    public var username: String
    public var expiresAt: Date?
}

/// Users, tokens and authentication.
public struct UserService: Sendable {
    let storage: any Storage
    let audit: AuditLog
    let configuration: DocketConfiguration

    private static let decoyHash = Passwords.hash("docket decoy password", cost: 12)

    /// How long a token from `login` lives.
    public static let loginTokenLifetime: TimeInterval = 12 * 3600

    // MARK: users

    /// Creates a user (admin).
    public func add(_ new: NewUser, as actor: User) async throws -> User {
        try actor.require(.manageUsers)
        let user = try makeUser(new)
        try await storage.write { writer in
            try writer.insert(user)
            try audit.record(
                writer, actor: actor.id, action: "user.add", subject: user.id,
                details: [
                    "username": user.username, "roles": user.roles.map(\.rawValue).joined(separator: ","),
                    "clearance": user.clearance.rawValue, "agency": user.agency ?? "",
                ])
        }
        return user
    }

    /// Validates `new` and builds the user record (hashing the password).
    func makeUser(_ new: NewUser) throws -> User {
        let username = new.username.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(username.count),
            username.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
        else {
            throw DocketError.invalid(
                "username", "a username is 1 to 64 letters, digits, '.', '_' or '-'; got '\(new.username)'")
        }
        guard !new.roles.isEmpty else { throw DocketError.invalid("roles", "give at least one role: \(Role.choices)") }
        if let password = new.password, password.count < 8 {
            throw DocketError.invalid("password", "a password needs at least 8 characters")
        }
        return User(
            id: configuration.identifiers.make("usr"), username: username, roles: new.roles,
            agency: new.agency.flatMap { $0.isEmpty ? nil : $0 }, clearance: new.clearance,
            passwordHash: new.password.map { Passwords.hash($0, cost: configuration.passwordCost) },
            disabled: false, createdAt: configuration.time.now())
    }

    /// All users, by name (admin).
    public func list(page: Page, as actor: User) async throws -> Paged<User> {
        try actor.require(.manageUsers)
        return try await storage.read { try $0.users(page: page) }
    }

    /// Disables a user: their tokens and password stop working at once (admin).
    public func disable(_ username: String, as actor: User) async throws -> User {
        try actor.require(.manageUsers)
        return try await storage.write { writer in
            guard var user = try writer.user(username: username) else { throw DocketError.notFound("user", username) }
            guard user.id != actor.id else {
                throw DocketError.invalid("username", "you cannot disable yourself; ask another admin")
            }
            user.disabled = true
            try writer.update(user)
            try audit.record(writer, actor: actor.id, action: "user.disable", subject: user.id)
            return user
        }
    }

    // MARK: tokens and authentication

    /// Issues a bearer token for `username`: admins for anyone, others for themselves.
    public func createToken(for username: String, expiresInDays days: Int?, as actor: User) async throws -> IssuedToken {
        if actor.username.lowercased() != username.lowercased() { try actor.require(.manageUsers) }
        if let days, !(1...3650).contains(days) {
            throw DocketError.invalid("expires", "a token lives 1 to 3650 days; got \(days)")
        }
        let lifetime = days.map { TimeInterval($0) * 86400 }
        return try await storage.write { writer in
            guard let user = try writer.user(username: username) else { throw DocketError.notFound("user", username) }
            guard !user.disabled else { throw DocketError.invalid("username", "\(username) is disabled") }
            return try issueToken(for: user, lifetime: lifetime, actor: actor.id, in: writer)
        }
    }

    /// Exchanges a username and password for a token that lives 12 hours.
    public func login(username: String, password: String) async throws -> IssuedToken {
        let user = try await storage.read { try $0.user(username: username) }
        // Compare even for unknown users, so timing does not tell which names exist.
        let hash = user?.passwordHash ?? Self.decoyHash
        guard Passwords.verify(password, hash: hash), let user, user.passwordHash != nil, !user.disabled else {
            throw DocketError.unauthenticated("wrong username or password")
        }
        return try await storage.write { writer in
            try issueToken(for: user, lifetime: Self.loginTokenLifetime, actor: user.id, in: writer)
        }
    }

    /// The user a bearer token belongs to; fails for unknown, expired or disabled.
    public func authenticate(token: String) async throws -> User {
        let hash = SHA256Hasher.hex(of: token)
        let now = configuration.time.now()
        return try await storage.read { reader in
            guard let stored = try reader.token(secretHash: hash) else {
                throw DocketError.unauthenticated("the bearer token is not valid")
            }
            guard !stored.isExpired(at: now) else {
                throw DocketError.unauthenticated("the bearer token expired; log in again or ask for a new token")
            }
            guard let user = try reader.user(id: stored.userID), !user.disabled else {
                throw DocketError.unauthenticated("this user is disabled")
            }
            return user
        }
    }

    /// The user the CLI acts as (`--as` / `DOCKET_USER`); the data directory itself is the credential.
    public func actingUser(_ username: String) async throws -> User {
        guard let user = try await storage.read({ try $0.user(username: username) }) else {
            throw DocketError.unauthenticated("no user named \(username); `docket user list` shows who exists")
        }
        guard !user.disabled else { throw DocketError.unauthenticated("\(username) is disabled") }
        return user
    }

    func issueToken(for user: User, lifetime: TimeInterval?, actor: String, in writer: any StorageWriter) throws
        -> IssuedToken
    {
        let secret = "dkt_" + (try SecureRandom.bytes(32)).hexString
        let now = configuration.time.now()
        let token = AccessToken(
            id: configuration.identifiers.make("tok"), userID: user.id, secretHash: SHA256Hasher.hex(of: secret),
            createdAt: now, expiresAt: lifetime.map { Timestamp.truncated(now.addingTimeInterval($0)) })
        try writer.insert(token)
        try audit.record(
            writer, actor: actor, action: "token.create", subject: user.id,
            details: ["token": token.id, "expiresAt": token.expiresAt.map(Timestamp.string) ?? "never"])
        return IssuedToken(token: secret, id: token.id, username: user.username, expiresAt: token.expiresAt)
    }
}
