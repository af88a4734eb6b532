import DocketCore
import GRDB

/// Schema migration `0008-record-search`: the full-text index of register entries, each under its
/// entry's rowid, in two forms (see `SearchText`), and the entries already registered indexed by
/// their metadata. Never edit a migration that has shipped; add the next.
enum Migration0008RecordSearch {
    static let identifier = "0008-record-search"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE recordText USING fts5(exact, folded, tokenize = 'unicode61 remove_diacritics 0')")
        let rows = try Row.fetchAll(db, sql: "SELECT rowid, symbol, type, summary FROM registerEntry")
        for row in rows {
            let text = [row["symbol"], row["type"], row["summary"]].compactMap { $0 as String? }.joined(separator: " ")
            try db.execute(
                sql: "INSERT INTO recordText (rowid, exact, folded) VALUES (?, ?, ?)",
                arguments: [row["rowid"] as Int64?, SearchText.exact(text), SearchText.folded(text)])
        }
    }
}
