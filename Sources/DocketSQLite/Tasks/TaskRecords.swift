import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension Plan: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "plan"

    /// The columns queries name.
    public enum Columns {
        static let createdAt = Column("createdAt")
        static let id = Column("id")
        static let symbolKey = Column("symbolKey")
    }
}

extension SupervisedTask: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "task"

    /// The columns queries name.
    public enum Columns {
        static let code = Column("code")
        static let conclusionID = Column("conclusionID")
        static let conclusionTask = Column("conclusionTask")
        static let deadline = Column("deadline")
        static let planID = Column("planID")
        static let status = Column("status")
    }
}

extension TaskEvent: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "taskEvent"

    /// The columns queries name.
    public enum Columns {
        static let sequence = Column("sequence")
        static let taskID = Column("taskID")
    }
}
