import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

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

    /// The columns queries name.
    public enum Columns {
        static let actor = Column("actor")
        static let sequence = Column("sequence")
        static let subject = Column("subject")
        static let time = Column("time")
    }
}
