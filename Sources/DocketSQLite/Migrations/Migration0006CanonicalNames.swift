import DocketCore
import GRDB

/// Schema migration `0006-canonical-names`: the key columns of `CanonicalKeys`. Never edit a
/// migration that has shipped; add the next.
enum Migration0006CanonicalNames {
    static let identifier = "0006-canonical-names"

    /// Adds each key column, fills it, and makes it unique. Names that already collide under the
    /// canonical form stop the migration with a message naming them: merging them silently
    /// would hand one person's rights to another.
    static func migrate(_ db: Database) throws {
        var collisions: [String] = []
        for column in CanonicalKeys.columns {
            try db.execute(sql: "ALTER TABLE \(column.table) ADD COLUMN \(column.key) TEXT")
            var seen: [String: [(rowid: Int64, name: String)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, \(column.column) FROM \(column.table) ORDER BY rowid") {
                let name: String = try row.decode(atIndex: 1)
                seen[CanonicalName.key(name), default: []].append((try row.decode(atIndex: 0), name))
            }
            for (key, rows) in seen.sorted(by: { $0.key < $1.key }) where rows.count > 1 {
                let listed = rows.map { "'\($0.name)' (rowid \($0.rowid), \($0.name.unicodeScalars.count) code points)" }
                collisions.append(
                    "\(column.what) \(listed.joined(separator: ", ")) are one name as '\(key)'; keep one and rename the "
                        + "others with sqlite3: UPDATE \(column.table) SET \(column.column) = 'new-name' WHERE rowid = …"
                        + column.references)
            }
            guard collisions.isEmpty else { continue }
            let update = try db.makeStatement(sql: "UPDATE \(column.table) SET \(column.key) = ? WHERE rowid = ?")
            for (key, rows) in seen { try update.execute(arguments: [key, rows[0].rowid]) }
            try db.execute(sql: "CREATE UNIQUE INDEX \(column.index) ON \(column.table)(\(column.key))")
        }
        guard collisions.isEmpty else {
            throw DocketError(
                .conflict,
                "this store has names that differ only in Unicode form or case, and Docket now treats them as one: "
                    + collisions.joined(separator: "; ") + ". Nothing was changed; start Docket again afterwards.",
                field: "data-dir")
        }
    }
}
