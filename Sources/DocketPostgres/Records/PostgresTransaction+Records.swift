import DocketCore
import Foundation

extension PostgresTransaction: RecordRepository {
    func register(id: String) throws -> Register? { try record(Register.self, "SELECT * FROM register WHERE id = $1", [id]) }

    func register(code: String) throws -> Register? {
        try record(Register.self, "SELECT * FROM register WHERE codeKey = $1", [CanonicalName.key(code)])
    }

    func registers() throws -> [Register] { try records(Register.self, "SELECT * FROM register ORDER BY kind, code") }

    func registerEntry(id: String) throws -> RegisterEntry? {
        try record(RegisterEntry.self, "SELECT * FROM registerEntry WHERE id = $1", [id])
    }

    func registerEntry(registerID: String, series: String, number: Int) throws -> RegisterEntry? {
        try record(
            RegisterEntry.self, "SELECT * FROM registerEntry WHERE registerID = $1 AND series = $2 AND number = $3",
            [registerID, series, number])
    }

    func registerEntries(_ filter: RegisterEntryFilter, page: Page) throws -> Paged<RegisterEntry> {
        let allowed = Classification.allCases.filter { $0 <= filter.maximumClassification }.map(\.rawValue)
        let filtered = """
            FROM registerEntry WHERE registerID = $1 AND ($2::bigint IS NULL OR year = $2) AND ($3::text IS NULL OR series = $3)
            AND classification = ANY($4)
            AND ($5::text IS NULL OR id IN (SELECT entryID FROM processingHandler WHERE userID = $5))
            """
        let binds: [any SQLBindable] = [filter.registerID, filter.year, filter.series, SQLValue.textArray(allowed), filter.handledBy]
        return try self.page(RegisterEntry.self, filtered, order: "year, series, number", binds, page: page)
    }

    func registerNumbers(registerID: String, year: Int) throws -> [(series: String, number: Int)] {
        try rows(
            """
            SELECT series, number FROM registerEntry WHERE registerID = $1
            AND series IN (SELECT series FROM registerEntry WHERE registerID = $1 AND year = $2) ORDER BY series, number
            """,
            [registerID, year]
        ).map { (try $0.required(0), try $0.required(1)) }
    }

    /// The series' highest number read from the top of its index: a `MAX` may read the whole
    /// series when the planner's statistics are older than the series (a burst of registrations).
    func lastRegisterNumber(registerID: String, series: String) throws -> Int {
        if let known = knownLastNumber(registerID: registerID, series: series) { return known }
        let last = try count(
            """
            SELECT GREATEST(
                COALESCE((SELECT number FROM registerEntry WHERE registerID = $1 AND series = $2 ORDER BY number DESC LIMIT 1), 0),
                COALESCE((SELECT nextNumber - 1 FROM registerSeriesStart WHERE registerID = $1 AND series = $2), 0))
            """,
            [registerID, series])
        remember(lastNumber: last, registerID: registerID, series: series)
        return last
    }

    func seriesStarts(registerID: String) throws -> [SeriesStart] {
        try records(SeriesStart.self, "SELECT * FROM registerSeriesStart WHERE registerID = $1 ORDER BY series", [registerID])
    }

    func insert(_ start: SeriesStart) throws {
        remember(lastNumber: nil, registerID: start.registerID, series: start.series)
        try insert(start, into: "registerSeriesStart")
    }

    /// Register entries are named by their sender key (`HeldWrite.row`): only an entry inserted
    /// with the same key changes the answer, so a held entry of another sender goes with this read.
    func incomingEntry(sender: String, senderSymbol: String) throws -> RegisterEntry? {
        let key = RegisterEntry.senderKey(sender, senderSymbol)
        return try record(
            RegisterEntry.self, "SELECT * FROM registerEntry WHERE senderKey = $1 ORDER BY registeredAt LIMIT 1", [key],
            row: HeldWrite.row([key]))
    }

    func processingQueue(handlerID: String, page: Page) throws -> Paged<RegisterEntry> {
        let total = try count("SELECT COUNT(*) FROM processingHandler WHERE userID = $1 AND current", [handlerID])
        let items = try records(
            RegisterEntry.self,
            """
            SELECT registerEntry.* FROM processingHandler JOIN registerEntry ON registerEntry.id = processingHandler.entryID
            WHERE processingHandler.userID = $1 AND processingHandler.current
            ORDER BY registerEntry.deadline IS NULL, registerEntry.deadline, registerEntry.registeredAt LIMIT $2 OFFSET $3
            """,
            [handlerID, page.limit, page.offset])
        return Paged(items: items, total: total, page: page)
    }

    func outgoingRegister(issuer: String) throws -> Register? {
        try record(Register.self, "SELECT * FROM register WHERE kind = 'outgoing' AND issuerKey = $1", [CanonicalName.key(issuer)])
    }

    func handles(entryID: String, userID: String) throws -> Bool {
        try scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM processingHandler WHERE userID = $1 AND entryID = $2)", [userID, entryID])
            ?? false
    }

    func incomingEntries(registeredBefore end: Date) throws -> [RegisterEntry] {
        try records(
            RegisterEntry.self, "SELECT * FROM registerEntry WHERE state IS NOT NULL AND registeredAt < $1 ORDER BY registeredAt", [end])
    }

    func processingSteps(entryID: String) throws -> [ProcessingStep] {
        try records(ProcessingStep.self, "SELECT * FROM processingStep WHERE entryID = $1 ORDER BY sequence", [entryID])
    }

    func insert(_ register: Register) throws {
        var columns = try RowEncoder.columns(of: register)
        columns += [("codeKey", .text(CanonicalName.key(register.code))), ("issuerKey", .text(CanonicalName.key(register.issuer)))]
        try insert(columns: columns, into: "register") { failure in
            guard failure.isUniqueViolation else { return nil }
            if failure.constraint == "register_outgoing_issuer" {
                return DocketError(
                    .conflict, "an outgoing register for the issuer \(register.issuer) already exists; one issuer numbers in one register",
                    field: "issuer")
            }
            return DocketError(.conflict, "a register with the code \(register.code) already exists", field: "code")
        }
    }

    func insert(_ entry: RegisterEntry) throws {
        var columns = try RowEncoder.columns(of: entry)
        var senderKey: String?
        if let sender = entry.sender, let symbol = entry.senderSymbol {
            senderKey = RegisterEntry.senderKey(sender, symbol)
            columns.append(("senderKey", senderKey.sqlValue))
        }
        try insert(
            columns: columns, into: "registerEntry", row: senderKey.map { HeldWrite.row([$0]) },
            refusing: PostgresFailure.unique(
                DocketError(.conflict, "the number \(entry.symbol) of series \(entry.series) is already taken", field: "number")))
        if let last = knownLastNumber(registerID: entry.registerID, series: entry.series) {
            remember(lastNumber: max(last, entry.number), registerID: entry.registerID, series: entry.series)
        }
        try updateHandlers(entry)
    }

    func update(_ entry: RegisterEntry) throws {
        try write(
            """
            UPDATE registerEntry SET deadline = $1, state = $2, handlerID = $3, coordinatingIDs = $4, withdrawnAt = $5,
                withdrawnBy = $6, withdrawReason = $7 WHERE id = $8
            """,
            [
                entry.deadline, entry.state?.rawValue, entry.handlerID, SQLValue.json(JSONText.array(entry.coordinatingIDs)),
                entry.withdrawnAt, entry.withdrawnBy, entry.withdrawReason, entry.id,
            ])
        try updateHandlers(entry)
    }

    func append(_ step: ProcessingStep) throws { try insert(step, into: "processingStep") }

    /// Keeps everyone who handled the entry, and marks who has it in their queue now: its lead and
    /// coordinating handlers while its processing is open.
    private func updateHandlers(_ entry: RegisterEntry) throws {
        guard entry.state != nil else { return }
        try write("UPDATE processingHandler SET current = false WHERE entryID = $1", [entry.id])
        let isOpen = entry.state?.isClosed == false
        for userID in Set([entry.handlerID].compactMap { $0 } + entry.coordinatingIDs) {
            try write(
                """
                INSERT INTO processingHandler (entryID, userID, current) VALUES ($1, $2, $3)
                ON CONFLICT (userID, entryID) DO UPDATE SET current = EXCLUDED.current
                """,
                [entry.id, userID, isOpen])
        }
    }
}
