import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

extension SeriesStart: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "registerSeriesStart"
}

extension Register: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "register"

    /// Decoded by column name rather than through Codable: every registration reads its register.
    public init(row: Row) throws {
        self.init(
            id: row["id"], code: row["code"], name: row["name"], kind: try row.decode(forColumn: "kind"),
            issuer: row["issuer"], period: try row.decode(forColumn: "period"), term: row["term"],
            seriesPerType: row["seriesPerType"], secretSeries: row["secretSeries"], createdBy: row["createdBy"],
            createdAt: row["createdAt"])
    }

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

    /// Encoded by hand rather than through Codable, which was a fifth of a registration's time in
    /// the writer; the sender's key goes in with the row.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["registerID"] = registerID
        container["kind"] = kind.rawValue
        container["series"] = series
        container["number"] = number
        container["year"] = year
        container["symbol"] = symbol
        container["type"] = type
        container["summary"] = summary
        container["documentDate"] = documentDate
        container["classification"] = classification.rawValue
        container["urgency"] = urgency.rawValue
        container["pages"] = pages
        container["documentID"] = documentID
        container["note"] = note
        container["registeredBy"] = registeredBy
        container["registeredAt"] = StoredDate.value(registeredAt)
        container["backEntered"] = backEntered
        container["signer"] = signer
        container["recipients"] = JSONText.array(recipients)
        container["keptBy"] = keptBy
        container["copies"] = copies
        container["answersID"] = answersID
        container["noticeID"] = noticeID
        container["sender"] = sender
        container["senderSymbol"] = senderSymbol
        container["arrivedAt"] = StoredDate.value(arrivedAt)
        container["deadline"] = deadline
        container["state"] = state?.rawValue
        container["handlerID"] = handlerID
        container["coordinatingIDs"] = JSONText.array(coordinatingIDs)
        container["duplicateOf"] = duplicateOf
        container["signatureCheck"] = signatureCheck
        container["withdrawnAt"] = StoredDate.value(withdrawnAt)
        container["withdrawnBy"] = withdrawnBy
        container["withdrawReason"] = withdrawReason
        if let sender, let senderSymbol { container["senderKey"] = RegisterEntry.senderKey(sender, senderSymbol) }
    }

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

    /// Encoded by hand: every registration writes its first step.
    public func encode(to container: inout PersistenceContainer) {
        container["entryID"] = entryID
        container["sequence"] = sequence
        container["kind"] = kind.rawValue
        container["actorID"] = actorID
        container["at"] = StoredDate.value(at)
        container["text"] = text
        container["handlerID"] = handlerID
        container["coordinatingIDs"] = JSONText.array(coordinatingIDs)
        container["deadline"] = deadline
        container["answerID"] = answerID
        container["taskID"] = taskID
    }

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

extension RegisterKind: DatabaseValueConvertible {}
extension SeriesPeriod: DatabaseValueConvertible {}
