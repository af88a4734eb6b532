import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension Notice: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "notice"

    /// The columns queries name.
    public enum Columns {
        static let bodyID = Column("bodyID")
        static let id = Column("id")
        static let issuedAt = Column("issuedAt")
        static let number = Column("number")
        static let sessionID = Column("sessionID")
        static let type = Column("type")
        static let year = Column("year")
    }
}

extension NoticeRecipient: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "noticeRecipient"

    /// The columns queries name.
    public enum Columns {
        static let noticeID = Column("noticeID")
        static let userID = Column("userID")
    }
}
