import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: RecordRepository {
    func register(id: String) throws -> Register? { try Register.fetchOne(db, key: id) }

    func register(code: String) throws -> Register? {
        try Register.fetchOne(db.cachedStatement(sql: "SELECT * FROM register WHERE codeKey = ?"), arguments: [CanonicalName.key(code)])
    }

    func registers() throws -> [Register] { try Register.order(Register.Columns.kind, Register.Columns.code).fetchAll(db) }

    func registerEntry(id: String) throws -> RegisterEntry? { try RegisterEntry.fetchOne(db, key: id) }

    func registerEntry(registerID: String, series: String, number: Int) throws -> RegisterEntry? {
        try RegisterEntry.fetchOne(db, key: ["registerID": registerID, "series": series, "number": number])
    }

    func registerEntries(_ filter: RegisterEntryFilter, page: Page) throws -> Paged<RegisterEntry> {
        var request = RegisterEntry.filter(RegisterEntry.Columns.registerID == filter.registerID)
        if let year = filter.year { request = request.filter(RegisterEntry.Columns.year == year) }
        if let series = filter.series { request = request.filter(RegisterEntry.Columns.series == series) }
        let hidden = Classification.allCases.filter { $0 > filter.maximumClassification }.map(\.rawValue)
        if !hidden.isEmpty { request = request.filter(!hidden.contains(RegisterEntry.Columns.classification)) }
        if let userID = filter.handledBy {
            request = request.filter(sql: "id IN (SELECT entryID FROM processingHandler WHERE userID = ?)", arguments: [userID])
        }
        let items = try request.order(RegisterEntry.Columns.year, RegisterEntry.Columns.series, RegisterEntry.Columns.number)
            .limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func registerNumbers(registerID: String, year: Int) throws -> [(series: String, number: Int)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT series, number FROM registerEntry WHERE registerID = ?1
                AND series IN (SELECT series FROM registerEntry WHERE registerID = ?1 AND year = ?2) ORDER BY series, number
                """,
            arguments: [registerID, year]
        ).map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
    }

    func lastRegisterNumber(registerID: String, series: String) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT MAX(
                        COALESCE((SELECT MAX(number) FROM registerEntry WHERE registerID = ?1 AND series = ?2), 0),
                        COALESCE((SELECT nextNumber - 1 FROM registerSeriesStart WHERE registerID = ?1 AND series = ?2), 0))
                    """),
            arguments: [registerID, series]) ?? 0
    }

    func seriesStarts(registerID: String) throws -> [SeriesStart] {
        try SeriesStart.filter(Column("registerID") == registerID).order(Column("series")).fetchAll(db)
    }

    func insert(_ start: SeriesStart) throws { try start.insert(db) }

    func incomingEntry(sender: String, senderSymbol: String) throws -> RegisterEntry? {
        try RegisterEntry.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM registerEntry WHERE senderKey = ? ORDER BY registeredAt LIMIT 1"),
            arguments: [RegisterEntry.senderKey(sender, senderSymbol)])
    }

    func processingQueue(handlerID: String, page: Page) throws -> Paged<RegisterEntry> {
        let total = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM processingHandler WHERE userID = ? AND current", arguments: [handlerID]) ?? 0
        let items = try RegisterEntry.fetchAll(
            db,
            sql: """
                SELECT registerEntry.* FROM processingHandler JOIN registerEntry ON registerEntry.id = processingHandler.entryID
                WHERE processingHandler.userID = ? AND processingHandler.current
                ORDER BY registerEntry.deadline IS NULL, registerEntry.deadline, registerEntry.registeredAt LIMIT ? OFFSET ?
                """,
            arguments: [handlerID, page.limit, page.offset])
        return Paged(items: items, total: total, page: page)
    }

    func outgoingRegister(issuer: String) throws -> Register? {
        try Register.filter(Register.Columns.kind == RegisterKind.outgoing.rawValue && Register.Columns.issuerKey == CanonicalName.key(issuer))
            .fetchOne(db)
    }

    func handles(entryID: String, userID: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM processingHandler WHERE userID = ? AND entryID = ?)", arguments: [userID, entryID])
            ?? false
    }

    func incomingEntries(registeredBefore end: Date) throws -> [RegisterEntry] {
        try RegisterEntry.filter(RegisterEntry.Columns.state != nil && RegisterEntry.Columns.registeredAt < end)
            .order(RegisterEntry.Columns.registeredAt).fetchAll(db)
    }

    func processingSteps(entryID: String) throws -> [ProcessingStep] {
        try ProcessingStep.filter(ProcessingStep.Columns.entryID == entryID).order(ProcessingStep.Columns.sequence).fetchAll(db)
    }

    func insert(_ register: Register) throws {
        do {
            try register.insert(db)
            try db.execute(
                sql: "UPDATE register SET codeKey = ?, issuerKey = ? WHERE rowid = ?",
                arguments: [CanonicalName.key(register.code), CanonicalName.key(register.issuer), db.lastInsertedRowID])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            if error.message?.contains("issuerKey") == true {
                throw DocketError(
                    .conflict, "an outgoing register for the issuer \(register.issuer) already exists; one issuer numbers in one register",
                    field: "issuer")
            }
            throw DocketError(.conflict, "a register with the code \(register.code) already exists", field: "code")
        }
    }

    func insert(_ entry: RegisterEntry) throws {
        do {
            try entry.insert(db)
            try updateHandlers(entry)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "the number \(entry.symbol) of series \(entry.series) is already taken", field: "number")
        }
    }

    func update(_ entry: RegisterEntry) throws {
        try db.execute(
            sql: """
                UPDATE registerEntry SET deadline = ?, state = ?, handlerID = ?, coordinatingIDs = ?, withdrawnAt = ?,
                    withdrawnBy = ?, withdrawReason = ? WHERE id = ?
                """,
            arguments: [
                entry.deadline, entry.state?.rawValue, entry.handlerID, JSONText.array(entry.coordinatingIDs),
                entry.withdrawnAt, entry.withdrawnBy, entry.withdrawReason, entry.id,
            ])
        try updateHandlers(entry)
    }

    func append(_ step: ProcessingStep) throws { try step.insert(db) }

    /// Keeps everyone who handled the entry, and marks who has it in their queue now: its lead and
    /// coordinating handlers while its processing is open.
    private func updateHandlers(_ entry: RegisterEntry) throws {
        guard entry.state != nil else { return }
        try db.cachedStatement(sql: "UPDATE processingHandler SET current = 0 WHERE entryID = ?").execute(arguments: [entry.id])
        let isOpen = entry.state?.isClosed == false
        for userID in Set([entry.handlerID].compactMap { $0 } + entry.coordinatingIDs) {
            try db.cachedStatement(
                sql: """
                    INSERT INTO processingHandler (entryID, userID, current) VALUES (?, ?, ?)
                    ON CONFLICT (userID, entryID) DO UPDATE SET current = excluded.current
                    """
            ).execute(arguments: [entry.id, userID, isOpen])
        }
    }
}
