import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension User: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "user"
}

extension AccessToken: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "accessToken"
}

extension Document: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "document"
}

extension DocumentSignature: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "documentSignature"
}

extension AuditEvent: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "auditEvent"
}

extension Body: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "body"
}

extension Session: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"
}
