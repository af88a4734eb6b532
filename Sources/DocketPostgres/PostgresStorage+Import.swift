import DocketCore
import Foundation

extension PostgresStorage {
    /// Copying a store in: rows inserted as they are stored elsewhere, converted to each column's
    /// type, inside one write transaction with the repositories, so what arrives can be checked
    /// before it commits.
    public struct Import {
        let transaction: PostgresTransaction
        public var writer: any StorageWriter { transaction }

        /// The columns of `table` that are written (generated ones are left out), lower case, with their types.
        public func columns(of table: String) throws -> [(name: String, type: String)] {
            try transaction.rows(
                """
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position
                """,
                [table.lowercased()]
            ).map { (try $0.required(0), try $0.required(1)) }
        }

        /// Inserts rows of `columns` (from `columns(of:)`), in one statement: PostgreSQL reads
        /// them from a JSON array and converts each value to its column's type.
        public func insert(into table: String, columns: [(name: String, type: String)], rows: [[StoredValue]]) throws {
            var json = "["
            for (index, row) in rows.enumerated() {
                if index > 0 { json += "," }
                json += "{"
                for (position, (column, value)) in zip(columns, row).enumerated() {
                    if position > 0 { json += "," }
                    json += JSONText.quoted(column.name) + ":" + Self.json(value, as: column.type)
                }
                json += "}"
            }
            json += "]"
            let names = columns.map { PostgresTransaction.quoted($0.name) }.joined(separator: ", ")
            try transaction.execute(
                "INSERT INTO \(PostgresTransaction.quoted(table)) (\(names)) SELECT \(names) FROM jsonb_populate_recordset(NULL::\(PostgresTransaction.quoted(table)), $1)",
                [SQLValue.json(json)])
        }

        /// A stored value as JSON that PostgreSQL's input for `type` reads: JSON text as itself,
        /// bytes as `\x` hex, flags as true or false, everything else as its text.
        static func json(_ value: StoredValue, as type: String) -> String {
            switch value {
            case .null: return "null"
            case .integer(let number) where type == "boolean": return number == 0 ? "false" : "true"
            case .integer(let number): return String(number)
            case .real(let number): return String(number)
            case .text(let text) where type == "jsonb": return text
            case .text(let text): return JSONText.quoted(text)
            case .blob(let data): return JSONText.quoted("\\x" + data.map { String(format: "%02x", $0) }.joined())
            }
        }

        /// Sets the counter of user and token changes.
        public func setAuthGeneration(_ value: Int64) throws {
            try transaction.execute("UPDATE authGeneration SET value = $1 WHERE id = 1", [value])
        }

        /// How many rows each table holds, for comparing with the source.
        public func count(_ table: String) throws -> Int {
            try transaction.count("SELECT COUNT(*) FROM \(PostgresTransaction.quoted(table))")
        }
    }

    /// Runs `body` in a write transaction for copying a store in; times are read as UTC, as they are stored.
    public func importing<T: Sendable>(_ body: @escaping @Sendable (Import) throws -> T) async throws -> T {
        try await write { writer in
            guard let transaction = writer as? PostgresTransaction else {
                throw DocketError(.internalError, "a PostgreSQL transaction was expected")
            }
            try transaction.execute("SET LOCAL TIME ZONE 'UTC'")
            return try body(Import(transaction: transaction))
        }
    }

    /// The tables of the schema that hold rows (the migrations' own table left out).
    public func tables() async throws -> [String] {
        try await read { reader in
            guard let transaction = reader as? PostgresTransaction else { return [] }
            return try transaction.rows(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'docket_migrations'"
            ).map { try $0.required(0) }
        }
    }
}
