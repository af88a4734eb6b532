import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension Body: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "body"

    /// The columns queries name.
    public enum Columns {
        static let code = Column("code")
        static let codeKey = Column("codeKey")
    }
}

extension BodyMember: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "bodyMember"

    /// The columns queries name.
    public enum Columns {
        static let addedAt = Column("addedAt")
        static let bodyID = Column("bodyID")
        static let userID = Column("userID")
    }
}

extension Session: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"

    /// The columns queries name.
    public enum Columns {
        static let bodyID = Column("bodyID")
        static let id = Column("id")
        static let startsAt = Column("startsAt")
    }
}

extension BridgePoint: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "bridgePoint"

    /// The columns queries name.
    public enum Columns {
        static let name = Column("name")
        static let sessionID = Column("sessionID")
    }
}

extension Participant: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "participant"

    /// Decoded by column name rather than through Codable: a session page reads every participant.
    public init(row: Row) throws {
        self.init(
            sessionID: row["sessionID"], userID: row["userID"], role: try row.value("role"), bridgePointID: row["bridgePointID"],
            status: try row.value("status"), arrivedAt: row["arrivedAt"], leftAt: row["leftAt"], reason: row["reason"],
            proxy: row["proxy"])
    }

    /// The columns queries name.
    public enum Columns {
        static let sessionID = Column("sessionID")
    }
}

extension AgendaItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agendaItem"

    /// The columns queries name.
    public enum Columns {
        static let sessionID = Column("sessionID")
    }
}

extension AgendaVersion: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agendaVersion"

    /// The columns queries name.
    public enum Columns {
        static let sessionID = Column("sessionID")
        static let version = Column("version")
    }
}

extension Conclusion: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "conclusion"

    /// The columns queries name.
    public enum Columns {
        static let createdAt = Column("createdAt")
        static let id = Column("id")
        static let sessionID = Column("sessionID")
    }
}

extension Amendment: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "amendment"

    /// The columns queries name.
    public enum Columns {
        static let createdAt = Column("createdAt")
        static let id = Column("id")
        static let sessionID = Column("sessionID")
    }
}
