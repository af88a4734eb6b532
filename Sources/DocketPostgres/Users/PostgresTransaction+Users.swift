import DocketCore
import Foundation

extension PostgresTransaction: UserRepository {
    static let userColumns = "id, username, roles, agency, clearance, disabled, createdAt"

    func user(id: String) throws -> User? {
        try record(User.self, "SELECT \(Self.userColumns) FROM \"user\" WHERE id = $1", [id])
    }

    func user(username: String) throws -> User? {
        try record(User.self, "SELECT \(Self.userColumns) FROM \"user\" WHERE usernameKey = $1", [CanonicalName.key(username)])
    }

    func users(ids: [String]) throws -> [User] {
        try records(User.self, "SELECT \(Self.userColumns) FROM \"user\" WHERE id = ANY($1)", [SQLValue.textArray(ids)])
    }

    func users(page: Page) throws -> Paged<User> {
        let items = try records(
            User.self, "SELECT \(Self.userColumns) FROM \"user\" ORDER BY username LIMIT $1 OFFSET $2", [page.limit, page.offset])
        return Paged(items: items, total: try count("SELECT COUNT(*) FROM \"user\""), page: page)
    }

    func passwordHash(userID: String) throws -> String? {
        try scalar(String.self, "SELECT passwordHash FROM \"user\" WHERE id = $1", [userID])
    }

    func insert(_ user: User, passwordHash: String?) throws {
        var columns = try RowEncoder.columns(of: user)
        columns += [("usernameKey", .text(CanonicalName.key(user.username))), ("passwordHash", passwordHash.sqlValue)]
        try insert(columns: columns, into: "\"user\"", refusing: PostgresFailure.unique(DocketError(.conflict, "a user named \(user.username) already exists", field: "username")))
    }

    func update(_ user: User) throws { try update(user, in: "\"user\"", key: "id") }

    func token(secretHash: String) throws -> AccessToken? {
        try record(AccessToken.self, "SELECT * FROM accessToken WHERE secretHash = $1", [secretHash])
    }

    func insert(_ token: AccessToken) throws { try insert(token, into: "accessToken") }

    func authGeneration() throws -> Int64 {
        try scalar(Int64.self, "SELECT value FROM authGeneration WHERE id = 1") ?? 0
    }

    func token(id: String) throws -> AccessToken? {
        try record(AccessToken.self, "SELECT * FROM accessToken WHERE id = $1", [id])
    }

    func tokens(userID: String) throws -> [AccessToken] {
        try records(AccessToken.self, "SELECT * FROM accessToken WHERE userID = $1 ORDER BY createdAt DESC", [userID])
    }

    func revoke(tokenID: String, by userID: String, at date: Date) throws {
        try write(
            "UPDATE accessToken SET revokedAt = $1, revokedBy = $2 WHERE id = $3 AND revokedAt IS NULL", [date, userID, tokenID])
    }

    func agency(code: String) throws -> Agency? {
        try record(Agency.self, "SELECT * FROM agency WHERE codeKey = $1", [CanonicalName.key(code)])
    }

    func agencies() throws -> [Agency] { try records(Agency.self, "SELECT * FROM agency ORDER BY code") }

    func users(agency: String) throws -> [User] {
        try records(
            User.self, "SELECT \(Self.userColumns) FROM \"user\" WHERE agency = $1 AND NOT disabled ORDER BY username", [agency])
    }

    func insert(_ agency: Agency) throws {
        var columns = try RowEncoder.columns(of: agency)
        columns.append(("codeKey", .text(CanonicalName.key(agency.code))))
        try insert(columns: columns, into: "agency", refusing: PostgresFailure.unique(DocketError(.conflict, "an agency with the code \(agency.code) already exists", field: "code")))
    }
}
