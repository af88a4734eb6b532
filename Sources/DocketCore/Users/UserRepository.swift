import Foundation

/// Reading users, tokens and agencies inside a transaction.
public protocol UserReadRepository {
    func user(id: String) throws -> User?
    func user(username: String) throws -> User?
    /// The user's bcrypt password hash; nil when they sign in with tokens only.
    func passwordHash(userID: String) throws -> String?
    func users(page: Page) throws -> Paged<User>
    /// The users with these ids, in no particular order; unknown ids are left out.
    func users(ids: [String]) throws -> [User]
    func token(secretHash: String) throws -> AccessToken?
    func token(id: String) throws -> AccessToken?
    /// A user's tokens, newest first.
    func tokens(userID: String) throws -> [AccessToken]
    func agency(code: String) throws -> Agency?
    func agencies() throws -> [Agency]
    /// Enabled users of an agency, for delivering notices to it.
    func users(agency: String) throws -> [User]
    /// A counter that every change to a user or a token raises, whichever process makes it.
    func authGeneration() throws -> Int64
}

/// Changing users, tokens and agencies inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol UserRepository: UserReadRepository {
    /// Inserts a user with their bcrypt password hash, if any; a name already taken is refused.
    func insert(_ user: User, passwordHash: String?) throws
    func update(_ user: User) throws
    func insert(_ token: AccessToken) throws
    /// Marks a token revoked; a token revoked before keeps its first revocation.
    func revoke(tokenID: String, by userID: String, at date: Date) throws
    func insert(_ agency: Agency) throws
}
