import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension Document: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "document"

    /// Encoded by hand rather than through Codable: every stored file writes one.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["title"] = title
        container["filename"] = filename
        container["mediaType"] = mediaType
        container["size"] = size
        container["sha256"] = sha256
        container["classification"] = classification.rawValue
        container["createdBy"] = createdBy
        container["createdAt"] = StoredDate.value(createdAt)
    }

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
