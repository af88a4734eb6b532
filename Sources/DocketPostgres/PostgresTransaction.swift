import DocketCore
import Foundation
import PostgresNIO
import Synchronization

/// The repositories of every module over one open PostgreSQL transaction: a change, its audit
/// event and any number it takes commit together. Each module's queries live in
/// `Module/PostgresTransaction+Module.swift`; their SQL numbers parameters `$1`, `$2`, ….
struct PostgresTransaction: StorageWriter {
    let connection: PostgresConnection
    private let state = State()

    init(connection: PostgresConnection) { self.connection = connection }

    private final class State: Sendable {
        let undo = Mutex<[@Sendable () -> Void]>([])
        let savepoints = Atomic<Int>(0)
        /// The audit head as this transaction last read or wrote it: a write transaction holds the
        /// writers' lock, so nobody else moves it, and a batch of changes need not ask again.
        let auditHead = Mutex<(sequence: Int64, hash: String)?>(nil)
    }

    /// The audit head kept by `remember`, if any.
    var knownAuditHead: (sequence: Int64, hash: String)? { state.auditHead.withLock { $0 } }

    func remember(auditHead: (sequence: Int64, hash: String)?) { state.auditHead.withLock { $0 = auditHead } }

    func onRollback(_ undo: @escaping @Sendable () -> Void) {
        state.undo.withLock { $0.append(undo) }
    }

    /// Runs what was registered to undo, once the transaction has rolled back.
    func rolledBack() {
        for undo in state.undo.withLock({ undo in defer { undo = [] }; return undo }) { undo() }
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        let name = "s\(state.savepoints.add(1, ordering: .relaxed).newValue)"
        // Sent without waiting for the reply: the connection runs statements in order, and if one
        // of these failed, the next statement would fail too (the transaction is then aborted).
        send("SAVEPOINT \(name)")
        do {
            let result = try body()
            send("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            remember(auditHead: nil)
            try execute("ROLLBACK TO SAVEPOINT \(name)")
            throw error
        }
    }

    // MARK: Queries

    private func query(_ sql: String, _ binds: [any SQLBindable]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds { bind.sqlValue.bind(into: &bindings) }
        return try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: ConnectionPool.logger).wait()
    }

    /// Queues a statement without waiting for it.
    func send(_ sql: String) {
        _ = connection.query(PostgresQuery(unsafeSQL: sql), logger: ConnectionPool.logger)
    }

    /// Runs a statement; how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ binds: [any SQLBindable] = []) throws -> Int {
        try query(sql, binds).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ binds: [any SQLBindable] = []) throws -> [Row] {
        let result = try query(sql, binds)
        guard let first = result.rows.first else { return [] }
        var columns: [String: Int] = [:]
        for (index, cell) in first.makeRandomAccess().enumerated() { columns[cell.columnName.lowercased()] = index }
        return result.rows.map { Row(cells: $0.makeRandomAccess(), columns: columns) }
    }

    func records<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [any SQLBindable] = []) throws -> [T] {
        try rows(sql, binds).map { try $0.record(T.self) }
    }

    func record<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [any SQLBindable] = []) throws -> T? {
        try rows(sql, binds).first.map { try $0.record(T.self) }
    }

    /// The first column of the first row; nil when there is no row or it is NULL.
    func scalar<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [any SQLBindable] = []) throws -> T? {
        try rows(sql, binds).first?.value(0, as: T.self)
    }

    func count(_ sql: String, _ binds: [any SQLBindable] = []) throws -> Int {
        try scalar(Int.self, sql, binds) ?? 0
    }

    /// Inserts `record` as a row of `table`, its columns named by its coding keys; `conflict`
    /// (e.g. `ON CONFLICT DO NOTHING`) follows the statement.
    @discardableResult
    func insert(_ record: some Encodable, into table: String, _ conflict: String = "") throws -> Int {
        try insert(columns: try RowEncoder.columns(of: record), into: table, conflict)
    }

    /// Inserts one row of these columns.
    @discardableResult
    func insert(columns: [(name: String, value: SQLValue)], into table: String, _ conflict: String = "") throws -> Int {
        let names = columns.map { Self.quoted($0.name) }.joined(separator: ", ")
        let values = columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        return try execute("INSERT INTO \(table) (\(names)) VALUES (\(values)) \(conflict)", columns.map(\.value))
    }

    /// Inserts `record`, or replaces every column of the row with the same `key`.
    func save(_ record: some Encodable, into table: String, key: [String]) throws {
        let columns = try RowEncoder.columns(of: record)
        let updates = columns.filter { !key.contains($0.name) }.map { "\(Self.quoted($0.name)) = EXCLUDED.\(Self.quoted($0.name))" }
        try insert(record, into: table, "ON CONFLICT (\(key.map(Self.quoted).joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))")
    }

    /// Replaces the row of `record` with the same `key` column; every other column is written.
    func update(_ record: some Encodable, in table: String, key: String) throws {
        let columns = try RowEncoder.columns(of: record)
        guard let keyValue = columns.first(where: { $0.name == key })?.value else {
            throw DocketError(.internalError, "\(table) has no key \(key)")
        }
        let others = columns.filter { $0.name != key }
        let assignments = others.enumerated().map { "\(Self.quoted($1.name)) = $\($0 + 1)" }.joined(separator: ", ")
        try execute(
            "UPDATE \(table) SET \(assignments) WHERE \(Self.quoted(key)) = $\(others.count + 1)", others.map(\.value) + [keyValue])
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
