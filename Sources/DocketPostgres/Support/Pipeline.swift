import DocketCore
import Foundation
import PostgresNIO
import Synchronization

/// What a write transaction keeps between statements to spare round trips, each of which costs
/// about 0.1 ms while the writers' lock is held:
/// - writes whose result nobody reads are held back and sent together, as one statement, with the
///   next statement that needs the server (or just before it, when that statement reads a table
///   they change);
/// - reads are remembered until a write touches one of their tables (or, when both name it, their
///   row): the transaction holds the writers' lock, so nothing else changes the rows it has read.
struct Pipeline {
    var held: [HeldWrite] = []
    /// How many writes were ever held, and how many of them have been sent: a savepoint whose
    /// writes were all still held can be undone by dropping them.
    var heldTotal = 0
    var sentTotal = 0
    /// Statements sent without waiting, with the writes they carry, checked in order once a later
    /// statement's reply has arrived (PostgreSQL answers in order).
    var unchecked: [(reply: EventLoopFuture<PostgresQueryResult>, writes: [HeldWrite])] = []
    var reads = ReadCache()
    /// A statement failed, so PostgreSQL has aborted the transaction.
    var failed = false
    /// A savepoint's body threw after some of its writes reached the server: they cannot be undone
    /// on their own, so the transaction must not commit.
    var abandoned = false

    /// Statements sent without waiting at most before the next wait (a long copy sends thousands).
    static let uncheckedLimit = 1_000
    /// Held writes sent together at most; a longer run is sent in parts.
    static let heldLimit = 64

    /// Takes the held writes, to be sent now.
    mutating func takeHeld() -> [HeldWrite] {
        defer { held = []; sentTotal = heldTotal }
        return held
    }

    /// Whether all the held writes change tables other than `tables`, or other rows than `row`
    /// when both name theirs, so a statement over those sees the same rows with or without them.
    func heldAvoid(_ tables: Set<String>, row: String? = nil) -> Bool {
        held.allSatisfy { write in
            write.tables.isDisjoint(with: tables) || (row != nil && write.row != nil && write.row != row)
        }
    }
}

/// A write held back: its statement, the one row it changes when it names it (its key's values,
/// see `HeldWrite.row`), and what turns a constraint it breaks into a clear error.
struct HeldWrite: Sendable {
    let sql: String
    let binds: [SQLValue]
    let tables: Set<String>
    let row: String?
    let refusal: Refusal?
    /// `INSERT … VALUES` and nothing more: it reads nothing, so it may share a statement with
    /// other inserts into its table (PostgreSQL checks their unique keys against each other).
    let onlyInserts: Bool

    init(sql: String, binds: [SQLValue], tables: Set<String>, row: String? = nil, refusal: Refusal?) {
        self.sql = sql
        self.binds = binds
        self.tables = tables
        self.row = row
        self.refusal = refusal
        onlyInserts = Tables.onlyInserts(sql)
    }

    /// Whether this write must reach the server before `other` is held: in one statement neither
    /// would see the other's rows. Inserts do not read, and writes of two rows they name do not
    /// meet.
    func clashes(with other: HeldWrite) -> Bool {
        !tables.isDisjoint(with: other.tables) && !(onlyInserts && other.onlyInserts)
            && !(row != nil && other.row != nil && row != other.row)
    }

    /// A row named by the values of its table's key, in the key's order.
    static func row(_ key: [any SQLBindable]) -> String {
        var parts: [String] = []
        for value in key {
            switch value.sqlValue {
            case .text(let text): parts.append(text)
            case .int(let number): parts.append(String(number))
            case let other: parts.append(String(describing: other))
            }
        }
        return parts.joined(separator: "\u{1F}")
    }
}

/// Turns what PostgreSQL refused (a unique violation, say) into the error SQLite's repository gives.
extension HeldWrite {
    /// One statement of several: the writes as data-modifying `WITH` clauses (PostgreSQL runs each
    /// once, all on the same snapshot; constraints are checked at the statement's end), then
    /// `last` or `SELECT 1`. Parameters are renumbered in order.
    static func statement(_ writes: [HeldWrite], then last: (sql: String, binds: [SQLValue])? = nil) -> (sql: String, binds: [SQLValue]) {
        if writes.count == 1, last == nil { return (writes[0].sql, writes[0].binds) }
        var clauses: [String] = []
        var binds: [SQLValue] = []
        for (index, write) in writes.enumerated() {
            clauses.append("w\(index) AS (\(renumbered(write.sql, after: binds.count)))")
            binds += write.binds
        }
        let main = last.map { renumbered($0.sql, after: binds.count) } ?? "SELECT 1"
        binds += last?.binds ?? []
        return ("WITH " + clauses.joined(separator: ", ") + " " + main, binds)
    }

    /// `sql` with each parameter `$N` as `$(N + offset)`; a plain scan, as this runs for every held write.
    private static func renumbered(_ sql: String, after offset: Int) -> String {
        if offset == 0 { return sql }
        var out: [UInt8] = []
        out.reserveCapacity(sql.utf8.count + 16)
        var afterDollar = false
        var number: Int?  // the digits read since a `$`
        for byte in sql.utf8 {
            if afterDollar, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                number = (number ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
                continue
            }
            if let digits = number { out += Array(String(digits + offset).utf8) }
            number = nil
            afterDollar = byte == UInt8(ascii: "$")
            out.append(byte)
        }
        if let digits = number { out += Array(String(digits + offset).utf8) }
        return String(decoding: out, as: UTF8.self)
    }
}

typealias Refusal = @Sendable (PostgresFailure) -> DocketError?

struct ReadKey: Hashable, Sendable {
    let sql: String
    let binds: [SQLValue]
}

/// Reads a write transaction has made, each with the tables it read and the one row it named, if
/// any; indexed so that a write forgets only what it may have changed.
struct ReadCache {
    private struct Entry {
        let rows: [Row]
        let tables: Set<String>
        let row: String?
    }
    private var entries: [ReadKey: Entry] = [:]
    /// Per table, the reads that named no row, and those that did, by row.
    private var unkeyed: [String: Set<ReadKey>] = [:]
    private var keyed: [String: [String: Set<ReadKey>]] = [:]

    static let rows = 64
    static let entries = 10_000

    subscript(key: ReadKey) -> [Row]? { entries[key]?.rows }

    /// Keeps a read of up to `ReadCache.rows` rows.
    mutating func remember(_ rows: [Row], for key: ReadKey, tables: Set<String>, row: String?) {
        guard rows.count <= Self.rows else { return }
        if entries.count >= Self.entries { self = ReadCache() }
        entries[key] = Entry(rows: rows, tables: tables, row: row)
        for table in tables {
            if let row { keyed[table, default: [:]][row, default: []].insert(key) } else { unkeyed[table, default: []].insert(key) }
        }
    }

    /// Forgets the reads a write to `tables` may have changed: all of theirs, or when the write
    /// names its row, those that named no row or the same one.
    mutating func forget(touching tables: Set<String>, row: String? = nil) {
        if entries.isEmpty { return }
        for table in tables {
            var doomed = unkeyed.removeValue(forKey: table) ?? []
            if let row {
                doomed.formUnion(keyed[table]?.removeValue(forKey: row) ?? [])
            } else {
                for keys in (keyed.removeValue(forKey: table) ?? [:]).values { doomed.formUnion(keys) }
            }
            for key in doomed { remove(key) }
        }
    }

    private mutating func remove(_ key: ReadKey) {
        guard let entry = entries.removeValue(forKey: key) else { return }
        for table in entry.tables {
            if let row = entry.row { keyed[table]?[row]?.remove(key) } else { unkeyed[table]?.remove(key) }
        }
    }
}

/// The tables a statement names, from the schema's own `CREATE TABLE`s; a name that is also a
/// column's only makes the pipeline more careful.
enum Tables {
    private static let known: Set<String> = {
        let pattern = /CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/
        return Set(PostgresMigrations.all.flatMap(\.statements).flatMap { $0.matches(of: pattern).map { $0.output.1.lowercased() } })
    }()
    /// Tables a write changes through triggers: user and token changes raise the auth generation.
    private static let triggered: [String: Set<String>] = ["user": ["authgeneration"], "accesstoken": ["authgeneration"]]
    private static let seen = Mutex<[String: (tables: Set<String>, onlyInserts: Bool)]>([:])

    /// The tables `sql` reads or writes, with those its writes change through triggers.
    static func named(in sql: String) -> Set<String> { read(sql).tables }

    /// Whether `sql` is `INSERT … VALUES` and nothing more.
    static func onlyInserts(_ sql: String) -> Bool { read(sql).onlyInserts }

    /// What a statement is, worked out once per text (a statement's text repeats, its values do not).
    private static func read(_ sql: String) -> (tables: Set<String>, onlyInserts: Bool) {
        if let known = seen.withLock({ $0[sql] }) { return known }
        var tables = Set<String>()
        for match in sql.matches(of: /[A-Za-z_][A-Za-z0-9_]*/) {
            let name = match.output.lowercased()
            if Self.known.contains(name) { tables.insert(name); tables.formUnion(triggered[name] ?? []) }
        }
        let words: [String] = sql.matches(of: /[A-Z]+/).map { String($0.output) }
        let insertsOnly: Bool = words.first == "INSERT" && !words.contains("CONFLICT") && !words.contains("SELECT")
        let statement: (tables: Set<String>, onlyInserts: Bool) = (tables, insertsOnly)
        seen.withLock { seen in
            if seen.count >= 10_000 { seen = [:] }  // statements with IN lists of every length
            seen[sql] = statement
        }
        return statement
    }
}
