import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension Document: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "document"

    /// The columns queries name.
    public enum Columns {
        static let classification = Column("classification")
        static let createdAt = Column("createdAt")
        static let createdBy = Column("createdBy")
        static let id = Column("id")
        static let title = Column("title")
    }
}

extension DocumentSignature: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "documentSignature"

    /// The columns queries name.
    public enum Columns {
        static let documentID = Column("documentID")
        static let number = Column("number")
    }
}
