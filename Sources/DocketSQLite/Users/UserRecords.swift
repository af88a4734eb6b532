import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension User: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "user"

    /// Decoded by column name rather than through Codable: a session page reads every participant's user.
    public init(row: Row) throws {
        let roles: String = row["roles"]
        self.init(
            id: row["id"], username: row["username"],
            roles: try JSONText.strings(roles, field: "roles").map { text in
                guard let role = Role(rawValue: text) else { throw DocketError(.internalError, "user.roles holds '\(text)', not a role") }
                return role
            },
            agency: row["agency"], clearance: try row.value("clearance"), disabled: row["disabled"], createdAt: row["createdAt"])
    }

    /// The columns queries name.
    public enum Columns {
        static let agency = Column("agency")
        static let disabled = Column("disabled")
        static let passwordHash = Column("passwordHash")
        static let username = Column("username")
        static let usernameKey = Column("usernameKey")
    }
}

extension AccessToken: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "accessToken"

    /// The columns queries name.
    public enum Columns {
        static let createdAt = Column("createdAt")
        static let secretHash = Column("secretHash")
        static let userID = Column("userID")
    }
}

extension Agency: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agency"

    /// The columns queries name.
    public enum Columns {
        static let code = Column("code")
        static let codeKey = Column("codeKey")
    }
}
