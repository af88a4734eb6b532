import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: UserRepository {
    func user(id: String) throws -> User? {
        try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE id = ?"), arguments: [id])
    }

    func user(username: String) throws -> User? {
        try User.filter(User.Columns.usernameKey == CanonicalName.key(username)).fetchOne(db)
    }

    func users(ids: [String]) throws -> [User] {
        try User.filter(keys: ids).fetchAll(db)
    }

    func users(page: Page) throws -> Paged<User> {
        let items = try User.order(User.Columns.username).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try User.fetchCount(db), page: page)
    }

    func passwordHash(userID: String) throws -> String? {
        try String.fetchOne(db, User.select(User.Columns.passwordHash).filter(key: userID))
    }

    func insert(_ user: User, passwordHash: String?) throws {
        do {
            try user.insert(db)
            try CanonicalKeys.setKey(CanonicalKeys.user, of: user.username, in: db)
            if let passwordHash {
                try User.filter(key: user.id).updateAll(db, User.Columns.passwordHash.set(to: passwordHash))
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "a user named \(user.username) already exists", field: "username")
        }
    }

    func update(_ user: User) throws { try user.update(db) }

    func token(secretHash: String) throws -> AccessToken? {
        try AccessToken.fetchOne(db.cachedStatement(sql: "SELECT * FROM accessToken WHERE secretHash = ?"), arguments: [secretHash])
    }

    func insert(_ token: AccessToken) throws { try token.insert(db) }

    func authGeneration() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM authGeneration WHERE id = 1")) ?? 0
    }

    func token(id: String) throws -> AccessToken? { try AccessToken.fetchOne(db, key: id) }

    func tokens(userID: String) throws -> [AccessToken] {
        try AccessToken.filter(AccessToken.Columns.userID == userID).order(AccessToken.Columns.createdAt.desc).fetchAll(db)
    }

    func revoke(tokenID: String, by userID: String, at date: Date) throws {
        try db.execute(
            sql: "UPDATE accessToken SET revokedAt = ?, revokedBy = ? WHERE id = ? AND revokedAt IS NULL",
            arguments: [date, userID, tokenID])
    }

    func agency(code: String) throws -> Agency? {
        try Agency.filter(Agency.Columns.codeKey == CanonicalName.key(code)).fetchOne(db)
    }

    func agencies() throws -> [Agency] { try Agency.order(Agency.Columns.code).fetchAll(db) }

    func users(agency: String) throws -> [User] {
        try User.filter(User.Columns.agency == agency && User.Columns.disabled == false).order(User.Columns.username).fetchAll(db)
    }

    func insert(_ agency: Agency) throws {
        do {
            try agency.insert(db)
            try CanonicalKeys.setKey(CanonicalKeys.agency, of: agency.code, in: db)
        } catch let error as DatabaseError
            where [.SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE].contains(error.extendedResultCode)
        {
            throw DocketError(.conflict, "an agency with the code \(agency.code) already exists", field: "code")
        }
    }
}
