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

    /// Decoded by column name rather than through Codable: verification reads every event.
    public init(row: Row) throws {
        self.init(
            sequence: try row.decode(forColumn: "sequence"), time: try row.decode(forColumn: "time"),
            actor: try row.decode(forColumn: "actor"), action: try row.decode(forColumn: "action"),
            subject: try row.decode(forColumn: "subject"), details: try row.decode(forColumn: "details"),
            previousHash: try row.decode(forColumn: "previousHash"), hash: try row.decode(forColumn: "hash"))
    }
}

extension Body: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "body"
}

extension Session: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"
}

extension Agency: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agency"
}

extension BridgePoint: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "bridgePoint"
}

extension BodyMember: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "bodyMember"
}

extension Participant: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "participant"
}

extension AgendaItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agendaItem"
}

extension AgendaVersion: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agendaVersion"
}

extension Conclusion: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "conclusion"
}

extension Amendment: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "amendment"
}

extension Notice: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "notice"
}

extension NoticeRecipient: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "noticeRecipient"
}

extension Plan: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "plan"
}

extension SupervisedTask: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "task"
}

extension TaskEvent: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "taskEvent"
}

/// Dates are stored as `YYYY-MM-DD` text, so they sort and compare in SQL.
extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init)
    }
}
