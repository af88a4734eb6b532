import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction {
    func filingPlan(id: String) throws -> FilingPlan? { try FilingPlan.fetchOne(db, key: id) }

    func filingPlans(unit: String, year: Int) throws -> [FilingPlan] {
        try FilingPlan.filter(FilingPlan.Columns.unit == unit && FilingPlan.Columns.year == year)
            .order(FilingPlan.Columns.version).fetchAll(db)
    }

    func dossier(id: String) throws -> Dossier? { try Dossier.fetchOne(db, key: id) }

    func dossier(code: String) throws -> Dossier? { try Dossier.filter(Dossier.Columns.code == code).fetchOne(db) }

    func dossiers(state: Dossier.State?, page: Page) throws -> Paged<Dossier> {
        var request = Dossier.all()
        if let state { request = request.filter(Dossier.Columns.state == state.rawValue) }
        let items = try request.order(Dossier.Columns.code).limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func lastDossierNumber(unit: String, year: Int, headingCode: String) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT MAX(dossier.number) FROM dossier JOIN filingPlan ON filingPlan.id = dossier.planID
                WHERE filingPlan.unit = ? AND filingPlan.year = ? AND dossier.headingCode = ?
                """,
            arguments: [unit, year, headingCode]) ?? 0
    }

    func dossierItems(dossierID: String) throws -> [DossierItem] {
        try DossierItem.filter(DossierItem.Columns.dossierID == dossierID).order(DossierItem.Columns.position).fetchAll(db)
    }

    func dossiers(holding documentID: String) throws -> [Dossier] {
        try Dossier.fetchAll(
            db,
            sql: "SELECT dossier.* FROM dossierItem JOIN dossier ON dossier.id = dossierItem.dossierID WHERE dossierItem.documentID = ?",
            arguments: [documentID])
    }

    func activeHolds(dossierID: String) throws -> [Hold] {
        try Hold.fetchAll(
            db,
            sql: """
                SELECT hold.* FROM holdDossier JOIN hold ON hold.id = holdDossier.holdID
                WHERE holdDossier.dossierID = ? AND hold.releasedAt IS NULL ORDER BY hold.placedAt
                """,
            arguments: [dossierID])
    }

    func hold(id: String) throws -> Hold? { try Hold.fetchOne(db, key: id) }

    func isDisposed(documentID: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM disposedDocument WHERE documentID = ?)", arguments: [documentID])
            ?? false
    }

    func liveDocuments(sha256: String) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM document WHERE sha256 = ?
                AND id NOT IN (SELECT documentID FROM disposedDocument)
                """,
            arguments: [sha256]) ?? 0
    }

    func insert(_ plan: FilingPlan) throws {
        do {
            try plan.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(
                .conflict, "\(plan.unit) already has version \(plan.version) of its \(plan.year) filing plan", field: "version")
        }
    }

    func approve(planID: String, by userID: String, at date: Date) throws {
        try db.execute(
            sql: "UPDATE filingPlan SET state = 'approved', approvedBy = ?, approvedAt = ? WHERE id = ?",
            arguments: [userID, date, planID])
    }

    func insert(_ dossier: Dossier) throws {
        do {
            try dossier.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "the dossier code \(dossier.code) is already taken", field: "code")
        }
    }

    func update(_ dossier: Dossier) throws {
        try db.execute(
            sql: "UPDATE dossier SET state = ?, closedOn = ?, retentionYears = ?, retentionReason = ? WHERE id = ?",
            arguments: [dossier.state.rawValue, dossier.closedOn, dossier.retentionYears, dossier.retentionReason, dossier.id])
    }

    func append(_ item: DossierItem) throws {
        do {
            try item.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
            || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
        {
            throw DocketError(.conflict, "document \(item.documentID) is already in this dossier", field: "document")
        }
    }

    func insert(_ hold: Hold) throws {
        try hold.insert(db)
        for dossierID in Set(hold.dossierIDs) {
            try db.execute(sql: "INSERT INTO holdDossier (holdID, dossierID) VALUES (?, ?)", arguments: [hold.id, dossierID])
        }
    }

    func release(holdID: String, by userID: String, at date: Date, reason: String) throws {
        try db.execute(
            sql: "UPDATE hold SET releasedBy = ?, releasedAt = ?, releaseReason = ? WHERE id = ? AND releasedAt IS NULL",
            arguments: [userID, date, reason, holdID])
    }

    func markDisposed(documentID: String, disposalID: String, at date: Date) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO disposedDocument (documentID, disposalID, disposedAt) VALUES (?, ?, ?)",
            arguments: [documentID, disposalID, date])
    }
}
