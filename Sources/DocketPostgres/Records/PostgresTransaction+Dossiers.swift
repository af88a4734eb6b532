import DocketCore
import Foundation

extension PostgresTransaction {
    func filingPlan(id: String) throws -> FilingPlan? { try record(FilingPlan.self, "SELECT * FROM filingPlan WHERE id = $1", [id]) }

    func filingPlans(unit: String, year: Int) throws -> [FilingPlan] {
        try records(FilingPlan.self, "SELECT * FROM filingPlan WHERE unit = $1 AND year = $2 ORDER BY version", [unit, year])
    }

    func dossier(id: String) throws -> Dossier? { try record(Dossier.self, "SELECT * FROM dossier WHERE id = $1", [id]) }

    func dossier(code: String) throws -> Dossier? { try record(Dossier.self, "SELECT * FROM dossier WHERE code = $1", [code]) }

    func dossiers(state: Dossier.State?, page: Page) throws -> Paged<Dossier> {
        try self.page(Dossier.self, "FROM dossier WHERE ($1::text IS NULL OR state = $1)", order: "code", [state?.rawValue], page: page)
    }

    func lastDossierNumber(unit: String, year: Int, headingCode: String) throws -> Int {
        try count(
            """
            SELECT COALESCE(MAX(dossier.number), 0) FROM dossier JOIN filingPlan ON filingPlan.id = dossier.planID
            WHERE filingPlan.unit = $1 AND filingPlan.year = $2 AND dossier.headingCode = $3
            """,
            [unit, year, headingCode])
    }

    func dossierItems(dossierID: String) throws -> [DossierItem] {
        try records(DossierItem.self, "SELECT * FROM dossierItem WHERE dossierID = $1 ORDER BY position", [dossierID])
    }

    func dossiers(holding documentID: String) throws -> [Dossier] {
        try records(
            Dossier.self,
            "SELECT dossier.* FROM dossierItem JOIN dossier ON dossier.id = dossierItem.dossierID WHERE dossierItem.documentID = $1",
            [documentID])
    }

    func activeHolds(dossierID: String) throws -> [Hold] {
        try records(
            Hold.self,
            """
            SELECT hold.* FROM holdDossier JOIN hold ON hold.id = holdDossier.holdID
            WHERE holdDossier.dossierID = $1 AND hold.releasedAt IS NULL ORDER BY hold.placedAt
            """,
            [dossierID])
    }

    func hold(id: String) throws -> Hold? { try record(Hold.self, "SELECT * FROM hold WHERE id = $1", [id]) }

    func isDisposed(documentID: String) throws -> Bool {
        try scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM disposedDocument WHERE documentID = $1)", [documentID]) ?? false
    }

    func liveDocuments(sha256: String) throws -> Int {
        try count(
            "SELECT COUNT(*) FROM document WHERE sha256 = $1 AND id NOT IN (SELECT documentID FROM disposedDocument)", [sha256])
    }

    func insert(_ plan: FilingPlan) throws {
        try insert(plan, into: "filingPlan", refusing: PostgresFailure.unique(DocketError(.conflict, "\(plan.unit) already has version \(plan.version) of its \(plan.year) filing plan", field: "version")))
    }

    func approve(planID: String, by userID: String, at date: Date) throws {
        try write("UPDATE filingPlan SET state = 'approved', approvedBy = $1, approvedAt = $2 WHERE id = $3", [userID, date, planID])
    }

    func insert(_ dossier: Dossier) throws {
        try insert(dossier, into: "dossier", refusing: PostgresFailure.unique(DocketError(.conflict, "the dossier code \(dossier.code) is already taken", field: "code")))
    }

    func update(_ dossier: Dossier) throws {
        try write(
            "UPDATE dossier SET state = $1, closedOn = $2, retentionYears = $3, retentionReason = $4 WHERE id = $5",
            [dossier.state.rawValue, dossier.closedOn, dossier.retentionYears, dossier.retentionReason, dossier.id])
    }

    func append(_ item: DossierItem) throws {
        try insert(item, into: "dossierItem", refusing: PostgresFailure.unique(DocketError(.conflict, "document \(item.documentID) is already in this dossier", field: "document")))
    }

    func insert(_ hold: Hold) throws {
        try insert(hold, into: "hold")
        for dossierID in Set(hold.dossierIDs) {
            try write("INSERT INTO holdDossier (holdID, dossierID) VALUES ($1, $2)", [hold.id, dossierID])
        }
    }

    func release(holdID: String, by userID: String, at date: Date, reason: String) throws {
        try write(
            "UPDATE hold SET releasedBy = $1, releasedAt = $2, releaseReason = $3 WHERE id = $4 AND releasedAt IS NULL",
            [userID, date, reason, holdID])
    }

    func markDisposed(documentID: String, disposalID: String, at date: Date) throws {
        try write(
            "INSERT INTO disposedDocument (documentID, disposalID, disposedAt) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            [documentID, disposalID, date])
    }
}
