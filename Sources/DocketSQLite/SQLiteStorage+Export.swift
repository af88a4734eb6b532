import DocketCore
import Foundation
import GRDB

extension SQLiteStorage {
    /// The columns of `table`, in their order.
    public func columns(of table: String) throws -> [String] {
        try database.read { db in try db.columns(in: table).map(\.name) }
    }

    /// Every row of `table` (in rowid order, so rows that refer to earlier rows of their own table
    /// come after them), `columns` of each, in batches of `batchSize`.
    public func forEachBatch(
        of table: String, columns: [String], batchSize: Int = 2000, _ body: ([[StoredValue]]) throws -> Void
    ) throws {
        try database.read { db in
            let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            // Tables without a rowid refer to no earlier row of their own: any order does.
            let schema = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
            let order = schema?.contains("WITHOUT ROWID") == true ? "" : "ORDER BY rowid"
            let rows = try Row.fetchCursor(db, sql: "SELECT \(names) FROM \"\(table)\" \(order)")
            var batch: [[StoredValue]] = []
            batch.reserveCapacity(batchSize)
            while let row = try rows.next() {
                batch.append(row.databaseValues.map(Self.stored))
                if batch.count == batchSize {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(batch) }
        }
    }

    /// The indexed text of every register entry and dossier, by id, as the search index holds it.
    public func indexedTexts(_ body: (_ entries: [(id: String, text: String)], _ dossiers: [(id: String, text: String)]) throws -> Void)
        throws
    {
        try database.read { db in
            func texts(_ index: String, _ table: String) throws -> [(id: String, text: String)] {
                try Row.fetchAll(db, sql: "SELECT \(table).id, \(index).exact FROM \(index) JOIN \(table) ON \(table).rowid = \(index).rowid")
                    .map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
            }
            try body(try texts("recordText", "registerEntry"), try texts("dossierText", "dossier"))
        }
    }

    private static func stored(_ value: DatabaseValue) -> StoredValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .blob(data)
        }
    }
}
