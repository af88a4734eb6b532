import DocketCore
import DocketCrypto
import Foundation

/// Users, tokens and authentication.
public struct UserService: Sendable {
    let storage: any Storage
    let audit: AuditLog
    let configuration: DocketConfiguration
    let signIns: SignInThrottle
    let tokenCache: TokenCache

    private static let decoyHash = Passwords.hash("docket decoy password", cost: 12)

    /// How long a token from `login` lives.
    public static let loginTokenLifetime: TimeInterval = 12 * 3600
    /// How long the admin token that `init` (or the first `serve`) prints lives.
    public static let firstAdminTokenDays = 7

    // MARK: users

    /// Creates a user (admin).
    public func add(_ new: NewUser, as actor: User) async throws -> User {
        try actor.require(.manageUsers)
        let made = try makeUser(new)
        return try await storage.write { writer in try insert(made, by: actor.id, in: writer) }
    }

    /// Inserts a validated new user with its `user.add` event; a known agency is stored under its
    /// own code, so every spelling of it means one agency.
    func insert(_ made: (user: User, passwordHash: String?), by actor: String, in writer: any StorageWriter) throws -> User {
        var user = made.user
        if let agency = user.agency, let known = try writer.agency(code: agency) { user.agency = known.code }
        try writer.insert(user, passwordHash: made.passwordHash)
        try audit.record(
            writer, actor: actor, action: .userAdd, subject: user.id,
            details: [
                "username": user.username, "roles": user.roles.map(\.rawValue).joined(separator: ","),
                "clearance": user.clearance.rawValue, "agency": user.agency ?? "",
            ])
        return user
    }

    /// Validates `new` and builds the user and the hash of their password.
    func makeUser(_ new: NewUser) throws -> (user: User, passwordHash: String?) {
        let username = try CanonicalName.identifier(new.username, field: "username", what: "a username")
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
        let agency = try new.agency.flatMap { $0.isEmpty ? nil : $0 }.map {
            try CanonicalName.identifier($0, field: "agency", what: "an agency code")
        }
        let user = User(
            id: configuration.identifiers.make("usr"), username: username, roles: new.roles, agency: agency,
            clearance: new.clearance, disabled: false, createdAt: configuration.time.now())
        return (user, new.password.map { Passwords.hash($0, cost: configuration.passwordCost) })
    }

    /// All users, by name (admin).
    public func list(page: Page, as actor: User) async throws -> Paged<User> {
        try actor.require(.manageUsers)
        return try await storage.read { try $0.users(page: page) }
    }

    /// Disables a user: their tokens and password stop working at once (admin).
    public func disable(_ username: String, as actor: User) async throws -> User {
        try actor.require(.manageUsers)
        let user = try await storage.write { writer in
            guard var user = try writer.user(username: username) else { throw DocketError.notFound("user", username) }
            guard user.id != actor.id else {
                throw DocketError.invalid("username", "you cannot disable yourself; ask another admin")
            }
            user.disabled = true
            try writer.update(user)
            try audit.record(writer, actor: actor.id, action: .userDisable, subject: user.id)
            return user
        }
        tokenCache.forget()
        return user
    }

    // MARK: tokens and authentication

    /// Issues a bearer token for `username`: admins for anyone, others for themselves. It lives
    /// `days` (default: as long as the owner's roles allow), never longer than the owner's roles
    /// allow, and never past `grant`, the token the request itself came with (nil from the CLI,
    /// where the data directory is the credential).
    public func createToken(
        for username: String, expiresInDays days: Int?, as actor: User, grant: Authenticated? = nil
    ) async throws -> IssuedToken {
        let now = configuration.time.now()
        return try await storage.write { writer in
            // Ids decide, never names: only admins mint for someone else, or learn whether a name exists.
            let user = try writer.user(username: username)
            if user?.id != actor.id { try actor.require(.manageUsers) }
            guard let user else { throw DocketError.notFound("user", username) }
            guard !user.disabled else { throw DocketError.invalid("username", "\(user.username) is disabled") }
            let limit = user.tokenLifetimeLimit
            let limitDays = Int(limit / 86400)
            if let days, !(1...limitDays).contains(days) {
                throw DocketError.invalid(
                    "expiresInDays", "a token of \(user.username) lives 1 to \(limitDays) days (the limit of the role \(user.limitingRole.rawValue)); got \(days)")
            }
            var expiresAt = now.addingTimeInterval(days.map { TimeInterval($0) * 86400 } ?? limit)
            if let grant, grant.expiresAt < expiresAt {
                if days != nil {
                    throw DocketError.invalid(
                        "expiresInDays",
                        "a token cannot outlive the token that asks for it, which expires at \(Timestamp.string(grant.expiresAt)); ask for fewer days or sign in from the command line")
                }
                expiresAt = grant.expiresAt
            }
            return try issueToken(for: user, expiresAt: expiresAt, actor: actor.id, in: writer)
        }
    }

    /// A user's tokens, newest first: admins for anyone, others for themselves.
    public func tokens(of username: String, as actor: User) async throws -> [TokenView] {
        let now = configuration.time.now()
        return try await storage.read { reader in
            let user = try reader.user(username: username)
            if user?.id != actor.id { try actor.require(.manageUsers) }
            guard let user else { throw DocketError.notFound("user", username) }
            return try reader.tokens(userID: user.id).map { TokenView($0, now: now) }
        }
    }

    /// Revokes one token, from the very next request on: its owner or an admin. Anyone else is
    /// told it does not exist.
    public func revokeToken(_ id: String, as actor: User) async throws -> TokenView {
        let now = configuration.time.now()
        defer { tokenCache.forget() }
        return try await storage.write { writer in
            guard var token = try writer.token(id: id), token.userID == actor.id || actor.hasAny(Permission.manageUsers.roles) else {
                throw DocketError.notFound("token", id)
            }
            guard token.revokedAt == nil else { throw DocketError(.conflict, "token \(id) was already revoked", field: "id") }
            try writer.revoke(tokenID: id, by: actor.id, at: now)
            try audit.record(writer, actor: actor.id, action: .tokenRevoke, subject: token.userID, details: ["token": id])
            token.revokedAt = now
            token.revokedBy = actor.id
            return TokenView(token, now: now)
        }
    }

    /// Signs out: revokes the token the request came with.
    public func signOut(_ grant: Authenticated) async throws -> TokenView {
        try await revokeToken(grant.tokenID, as: grant.user)
    }

    /// Exchanges a username and password for a token that lives 12 hours. Failures are audited
    /// (never the password) and throttled per user and per `address`.
    public func login(username: String, password: String, address: String = "unknown") async throws -> IssuedToken {
        let now = configuration.time.now()
        try signIns.check(user: username, address: address, now: now)
        let (user, stored) = try await storage.read { reader in
            let user = try reader.user(username: username)
            return (user, try user.flatMap { try reader.passwordHash(userID: $0.id) })
        }
        // Compare even for unknown users, so timing does not tell which names exist.
        guard Passwords.verify(password, hash: stored ?? Self.decoyHash), let user, stored != nil, !user.disabled else {
            signIns.failed(user: username, address: address, now: now)
            // What was typed as a name is not recorded unless it names a user: it may be a password.
            let reason = user == nil ? "unknown user" : user?.disabled == true ? "disabled" : "wrong password"
            try await storage.write { writer in
                try audit.record(
                    writer, actor: user?.id ?? "anonymous", action: .authLoginFailed, subject: user?.id ?? "unknown-user",
                    details: ["address": address, "reason": reason])
            }
            throw DocketError.unauthenticated("wrong username or password")
        }
        signIns.succeeded(user: username, address: address)
        let expiresAt = now.addingTimeInterval(min(Self.loginTokenLifetime, user.tokenLifetimeLimit))
        return try await storage.write { writer in
            try issueToken(for: user, expiresAt: expiresAt, actor: user.id, in: writer)
        }
    }

    /// The user a bearer token belongs to; fails for unknown, revoked, expired or disabled. Answers
    /// from the token cache while the store's auth generation has not moved.
    public func authenticate(token: String) async throws -> Authenticated {
        let hash = SHA256Hasher.hex(of: token)
        let now = configuration.time.now()
        let stamp = try await tokenCache.stamp { [storage] in try await storage.read { try $0.authGeneration() } }
        if let cached = tokenCache.grant(for: hash, at: stamp), cached.expiresAt > now { return cached }
        let grant = try await storage.read { reader in try Self.resolve(hash, now: now, in: reader) }
        tokenCache.keep(grant, for: hash, at: stamp)
        return grant
    }

    private static func resolve(_ hash: String, now: Date, in reader: any StorageReader) throws -> Authenticated {
        guard let stored = try reader.token(secretHash: hash) else {
            throw DocketError.unauthenticated("the bearer token is not valid")
        }
        guard stored.revokedAt == nil else {
            throw DocketError.unauthenticated("the bearer token was revoked; log in again or ask for a new token")
        }
        guard let user = try reader.user(id: stored.userID), !user.disabled else {
            throw DocketError.unauthenticated("this user is disabled")
        }
        // Tokens made before lifetimes were limited, or before a role changed, end at the limit.
        let limit = stored.createdAt.addingTimeInterval(user.tokenLifetimeLimit)
        let expiresAt = min(stored.expiresAt ?? limit, limit)
        guard expiresAt > now else {
            throw DocketError.unauthenticated("the bearer token expired; log in again or ask for a new token")
        }
        return Authenticated(user: user, tokenID: stored.id, expiresAt: expiresAt)
    }

    /// The user the CLI acts as (`--as` / `DOCKET_USER`); the data directory itself is the credential.
    public func actingUser(_ username: String) async throws -> User {
        guard let user = try await storage.read({ try $0.user(username: username) }) else {
            throw DocketError.unauthenticated("no user named \(username); `docket user list` shows who exists")
        }
        guard !user.disabled else { throw DocketError.unauthenticated("\(username) is disabled") }
        return user
    }

    func issueToken(for user: User, expiresAt: Date, actor: String, in writer: any StorageWriter) throws -> IssuedToken {
        let secret = "dkt_" + (try SecureRandom.bytes(32)).hexString
        let token = AccessToken(
            id: configuration.identifiers.make("tok"), userID: user.id, secretHash: SHA256Hasher.hex(of: secret),
            createdAt: configuration.time.now(), expiresAt: Timestamp.truncated(expiresAt))
        try writer.insert(token)
        try audit.record(
            writer, actor: actor, action: .tokenCreate, subject: user.id,
            details: ["token": token.id, "expiresAt": token.expiresAt.map(Timestamp.string) ?? "never"])
        return IssuedToken(token: secret, id: token.id, username: user.username, expiresAt: token.expiresAt)
    }
}
