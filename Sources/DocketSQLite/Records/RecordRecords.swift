import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension SeriesStart: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "registerSeriesStart"
}

extension Register: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "register"

    /// The columns queries name.
    public enum Columns {
        static let code = Column("code")
        static let codeKey = Column("codeKey")
        static let issuerKey = Column("issuerKey")
        static let kind = Column("kind")
    }
}

extension RegisterEntry: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "registerEntry"

    /// The columns queries name.
    public enum Columns {
        static let classification = Column("classification")
        static let deadline = Column("deadline")
        static let number = Column("number")
        static let registerID = Column("registerID")
        static let registeredAt = Column("registeredAt")
        static let senderKey = Column("senderKey")
        static let series = Column("series")
        static let state = Column("state")
        static let year = Column("year")
    }
}

extension ProcessingStep: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "processingStep"

    /// The columns queries name.
    public enum Columns {
        static let entryID = Column("entryID")
        static let sequence = Column("sequence")
    }
}

extension FilingPlan: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "filingPlan"

    /// The columns queries name.
    public enum Columns {
        static let unit = Column("unit")
        static let version = Column("version")
        static let year = Column("year")
    }
}

extension Dossier: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dossier"

    /// The columns queries name.
    public enum Columns {
        static let code = Column("code")
        static let state = Column("state")
    }
}

extension DossierItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dossierItem"

    /// The columns queries name.
    public enum Columns {
        static let dossierID = Column("dossierID")
        static let position = Column("position")
    }
}

extension Hold: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hold"
}
