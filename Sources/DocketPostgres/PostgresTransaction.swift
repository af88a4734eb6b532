import DocketCore
import Foundation
import PostgresNIO
import Synchronization

/// The repositories of every module over one open PostgreSQL transaction: a change, its audit
/// event and any number it takes commit together. Each module's queries live in
/// `Module/PostgresTransaction+Module.swift`; their SQL numbers parameters `$1`, `$2`, ….
struct PostgresTransaction: StorageWriter {
    let connection: PostgresConnection
    /// Whether reads are remembered until a write touches their tables (a write transaction,
    /// which holds the writers' lock; see `Pipeline`).
    let remembersReads: Bool
    private let state = State()

    init(connection: PostgresConnection, remembersReads: Bool = false) {
        self.connection = connection
        self.remembersReads = remembersReads
    }

    private final class State: Sendable {
        let undo = Mutex<[@Sendable () -> Void]>([])
        let pipeline = Mutex(Pipeline())
        /// The audit head as this transaction last read or wrote it: a write transaction holds the
        /// writers' lock, so nobody else moves it, and a batch of changes need not ask again.
        let auditHead = Mutex<(sequence: Int64, hash: String)?>(nil)
        /// Likewise the last number of each register series this transaction has numbered in.
        let lastNumbers = Mutex<[String: Int]>([:])
        /// How many participants of each session this transaction has read.
        let participantReads = Mutex<[String: Int]>([:])
    }

    /// Counts a read of a participant of `sessionID`; how many there have been.
    func countParticipantRead(sessionID: String) -> Int {
        state.participantReads.withLock { reads in
            reads[sessionID, default: 0] += 1
            return reads[sessionID, default: 0]
        }
    }

    /// The audit head kept by `remember`, if any.
    var knownAuditHead: (sequence: Int64, hash: String)? { state.auditHead.withLock { $0 } }

    func remember(auditHead: (sequence: Int64, hash: String)?) { state.auditHead.withLock { $0 = auditHead } }

    /// The last number kept by `remember(lastNumber:…)` for a register's series, if any.
    func knownLastNumber(registerID: String, series: String) -> Int? {
        state.lastNumbers.withLock { $0[registerID + "\u{1F}" + series] }
    }

    func remember(lastNumber: Int?, registerID: String, series: String) {
        state.lastNumbers.withLock { $0[registerID + "\u{1F}" + series] = lastNumber }
    }

    func onRollback(_ undo: @escaping @Sendable () -> Void) {
        state.undo.withLock { $0.append(undo) }
    }

    /// Runs what was registered to undo, once the transaction has rolled back.
    func rolledBack() {
        for undo in state.undo.withLock({ undo in defer { undo = [] }; return undo }) { undo() }
    }

    /// No `SAVEPOINT` is sent: a body that fails while its writes are still held is undone by
    /// dropping them. One that fails after they were sent (a read of their table came between)
    /// abandons the transaction: the rest goes on, and `commit` throws `BatchAbandoned`.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        let start = state.pipeline.withLock { $0.heldTotal }
        do {
            return try body()
        } catch {
            remember(auditHead: nil)
            state.lastNumbers.withLock { $0 = [:] }
            state.pipeline.withLock { pipeline in
                if pipeline.failed || pipeline.sentTotal > start {
                    pipeline.abandoned = true
                } else {
                    pipeline.held.removeLast(pipeline.heldTotal - start)
                    pipeline.heldTotal = start
                }
            }
            throw error
        }
    }

    /// Sends what is held, then COMMIT. A statement sent without waiting that failed fails the
    /// commit (PostgreSQL answers COMMIT in an aborted transaction with ROLLBACK, not an error).
    func commit() throws {
        let (abandoned, failed) = state.pipeline.withLock { ($0.abandoned, $0.failed) }
        if abandoned { throw BatchAbandoned() }
        if failed { throw DocketError(.internalError, "PostgreSQL aborted the transaction: a statement in it failed") }
        try execute("COMMIT")
    }

    /// Rolls back whatever happened; whether the connection is clean again.
    func rollback() -> Bool {
        state.pipeline.withLock { $0 = Pipeline() }
        return (try? connection.query("ROLLBACK", logger: ConnectionPool.logger).wait()) != nil
    }

    // MARK: Queries

    /// Runs a statement and waits for its reply. Held writes go first: in the same statement when
    /// it reads (`reading`) only tables they do not change, otherwise just before it.
    private func run(_ sql: String, _ binds: [SQLValue], reading tables: Set<String>? = nil, row: String? = nil) throws
        -> PostgresQueryResult
    {
        var statement = (sql: sql, binds: binds)
        var carried: [HeldWrite] = []
        let (held, unaffected) = state.pipeline.withLock { pipeline in
            let unaffected = tables.map { pipeline.heldAvoid($0, row: row) } ?? false
            return (pipeline.takeHeld(), unaffected)
        }
        if !held.isEmpty {
            if unaffected, !sql.hasPrefix("WITH") {
                statement = HeldWrite.statement(held, then: statement)
                carried = held
            } else {
                send(HeldWrite.statement(held), carrying: held)
            }
        }
        let reply = Result { try connection.query(Self.query(statement), logger: ConnectionPool.logger).wait() }
        try checkSent()
        do { return try reply.get() } catch { throw failed(error, carrying: carried) }
    }

    private static func query(_ statement: (sql: String, binds: [SQLValue])) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: statement.binds.count)
        for bind in statement.binds { bind.bind(into: &bindings) }
        return PostgresQuery(unsafeSQL: statement.sql, binds: bindings)
    }

    /// Queues a statement without waiting for it; its reply is checked after the next one's.
    func send(_ sql: String) { send((sql, []), carrying: []) }

    private func send(_ statement: (sql: String, binds: [SQLValue]), carrying writes: [HeldWrite]) {
        let reply = connection.query(Self.query(statement), logger: ConnectionPool.logger)
        state.pipeline.withLock { $0.unchecked.append((reply, writes)) }
    }

    /// Throws the first failure among the statements sent without waiting: they have all been
    /// answered once a later statement has.
    private func checkSent() throws {
        let sent = state.pipeline.withLock { pipeline in defer { pipeline.unchecked = [] }; return pipeline.unchecked }
        for (reply, writes) in sent {
            do { _ = try reply.wait() } catch { throw failed(error, carrying: writes) }
        }
    }

    /// Notes that the transaction is aborted, and turns what the server refused into the error a
    /// write it carried names.
    private func failed(_ error: any Error, carrying writes: [HeldWrite]) -> any Error {
        state.pipeline.withLock { $0.failed = true }
        guard let failure = PostgresFailure(error) else { return error }
        let named = writes.filter { write in failure.table.map(write.tables.contains) ?? true }
        return named.lazy.compactMap { $0.refusal?(failure) }.first ?? error
    }

    /// Holds a write back until the next statement that needs the server. It is sent first when
    /// it changes a table a held write changes: in one statement, neither would see the other.
    func write(_ sql: String, _ binds: [any SQLBindable] = [], row: String? = nil, refusing refusal: Refusal? = nil) throws {
        let write = HeldWrite(sql: sql, binds: binds.map(\.sqlValue), tables: Tables.named(in: sql), row: row, refusal: refusal)
        let (clashing, unchecked) = state.pipeline.withLock { pipeline in
            pipeline.reads.forget(touching: write.tables, row: write.row)
            let full = pipeline.held.count >= Pipeline.heldLimit || pipeline.held.contains { $0.clashes(with: write) }
            let clashing = full ? pipeline.takeHeld() : []
            pipeline.held.append(write)
            pipeline.heldTotal += 1
            return (clashing, pipeline.unchecked.count)
        }
        guard !clashing.isEmpty else { return }
        send(HeldWrite.statement(clashing), carrying: clashing)
        // A long run of writes (copying a store in) waits now and then, so replies do not pile up.
        if unchecked >= Pipeline.uncheckedLimit { try checkSent() }
    }

    /// Runs a statement now; how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ binds: [any SQLBindable] = []) throws -> Int {
        try change(sql, binds).metadata.rows ?? 0
    }

    /// Runs a statement that may change rows now, forgetting the reads it may change.
    private func change(_ sql: String, _ binds: [any SQLBindable]) throws -> PostgresQueryResult {
        state.pipeline.withLock { $0.reads.forget(touching: Tables.named(in: sql)) }
        return try run(sql, binds.map(\.sqlValue))
    }

    /// The rows a query returns; in a write transaction, a query asked before is answered from
    /// memory while no write has touched its tables. `row` names the one row a single-table query
    /// reads (`HeldWrite.row`): held writes of other rows of that table do not change its answer.
    func rows(_ sql: String, _ binds: [any SQLBindable] = [], row: String? = nil) throws -> [Row] {
        guard sql.hasPrefix("SELECT") else { return Self.rows(of: try change(sql, binds)) }
        let key = ReadKey(sql: sql, binds: binds.map(\.sqlValue))
        if remembersReads, let rows = state.pipeline.withLock({ $0.reads[key] }) { return rows }
        let tables = Tables.named(in: sql)
        let rows = Self.rows(of: try run(sql, key.binds, reading: tables, row: row))
        if remembersReads { state.pipeline.withLock { $0.reads.remember(rows, for: key, tables: tables, row: row) } }
        return rows
    }

    /// Keeps `rows` as the answer to `sql` over `binds`, which names one `row` of `table`, as if
    /// it had been read (from a wider read that held it).
    func remember(_ rows: [Row], for sql: String, _ binds: [any SQLBindable], row: String, of table: String) {
        let key = ReadKey(sql: sql, binds: binds.map(\.sqlValue))
        state.pipeline.withLock { $0.reads.remember(rows, for: key, tables: [table.lowercased()], row: row) }
    }

    private static func rows(of result: PostgresQueryResult) -> [Row] {
        guard let first = result.rows.first else { return [] }
        var columns: [String: Int] = [:]
        for (index, cell) in first.makeRandomAccess().enumerated() { columns[cell.columnName.lowercased()] = index }
        return result.rows.map { Row(cells: $0.makeRandomAccess(), columns: columns) }
    }

    func records<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [any SQLBindable] = []) throws -> [T] {
        try rows(sql, binds).map { try $0.record(T.self) }
    }

    func record<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [any SQLBindable] = [], row: String? = nil) throws -> T? {
        try rows(sql, binds, row: row).first.map { try $0.record(T.self) }
    }

    /// The first column of the first row; nil when there is no row or it is NULL.
    func scalar<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [any SQLBindable] = []) throws -> T? {
        try rows(sql, binds).first?.value(0, as: T.self)
    }

    func count(_ sql: String, _ binds: [any SQLBindable] = []) throws -> Int {
        try scalar(Int.self, sql, binds) ?? 0
    }

    /// Inserts `record` as a row of `table`, its columns named by its coding keys; `conflict`
    /// (e.g. `ON CONFLICT DO NOTHING`) follows the statement. Held back, as `write` is.
    func insert(_ record: some Encodable, into table: String, _ conflict: String = "", refusing refusal: Refusal? = nil) throws {
        try insert(columns: try RowEncoder.columns(of: record), into: table, conflict, refusing: refusal)
    }

    /// Inserts one row of these columns.
    func insert(
        columns: [(name: String, value: SQLValue)], into table: String, _ conflict: String = "", row: String? = nil,
        refusing refusal: Refusal? = nil
    ) throws {
        try write(Self.insertion(columns.map(\.name), into: table, conflict), columns.map(\.value), row: row, refusing: refusal)
    }

    /// `INSERT INTO table (names) VALUES ($1, …) conflict`.
    static func insertion(_ names: [String], into table: String, _ conflict: String = "") -> String {
        "INSERT INTO \(table) (\(names.map(quoted).joined(separator: ", "))) VALUES (\(placeholders(names.count))) \(conflict)"
    }

    /// Inserts `record`, or replaces every column of the row with the same `key`.
    func save(_ record: some Encodable, into table: String, key: [String]) throws {
        let columns = try RowEncoder.columns(of: record)
        let updates = columns.filter { !key.contains($0.name) }.map { "\(Self.quoted($0.name)) = EXCLUDED.\(Self.quoted($0.name))" }
        try insert(
            columns: columns, into: table,
            "ON CONFLICT (\(key.map(Self.quoted).joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))",
            row: HeldWrite.row(key.compactMap { name in columns.first { $0.name == name }?.value }))
    }

    /// Replaces the row of `record` with the same `key` column; every other column is written.
    func update(_ record: some Encodable, in table: String, key: String) throws {
        let columns = try RowEncoder.columns(of: record)
        guard let keyValue = columns.first(where: { $0.name == key })?.value else {
            throw DocketError(.internalError, "\(table) has no key \(key)")
        }
        let others = columns.filter { $0.name != key }
        let assignments = others.enumerated().map { "\(Self.quoted($1.name)) = $\($0 + 1)" }.joined(separator: ", ")
        try write("UPDATE \(table) SET \(assignments) WHERE \(Self.quoted(key)) = $\(others.count + 1)", others.map(\.value) + [keyValue])
    }

    /// A page of `T` read from `from` (a FROM and WHERE clause) in `order`, and how many there are in all.
    func page<T: Decodable>(_ type: T.Type, _ from: String, order: String, _ binds: [any SQLBindable], page: Page) throws -> Paged<T> {
        let items = try records(
            T.self, "SELECT * \(from) ORDER BY \(order) LIMIT $\(binds.count + 1) OFFSET $\(binds.count + 2)",
            binds + [page.limit, page.offset])
        return Paged(items: items, total: try count("SELECT COUNT(*) \(from)", binds), page: page)
    }

    /// Conditions ANDed together, each with the parameter it names: optional filters of a list.
    struct Filter {
        private(set) var conditions = ["TRUE"]
        private(set) var binds: [any SQLBindable] = []

        /// Adds `condition` of the next parameter (`$N`), unless `value` is nil.
        mutating func add(_ value: (any SQLBindable)?, _ condition: (String) -> String) {
            guard let value else { return }
            binds.append(value)
            conditions.append(condition("$\(binds.count)"))
        }

        var clause: String { "WHERE " + conditions.joined(separator: " AND ") }
    }

    /// Column names PostgreSQL reserves, quoted; the rest fold to lower case as written.
    static func quoted(_ name: String) -> String {
        ["group", "user", "order"].contains(name) ? "\"\(name)\"" : name
    }

    /// `$first, $first+1, …` for `count` values, for `IN (…)`.
    static func placeholders(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map { "$\($0)" }.joined(separator: ", ")
    }
}
