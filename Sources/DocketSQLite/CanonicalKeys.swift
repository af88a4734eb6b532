import DocketCore
import GRDB

/// The columns that hold `CanonicalName.key` of a name or code, each unique: one identity per name.
enum CanonicalKeys {
    struct KeyedColumn {
        let table: String
        let column: String
        let key: String
        /// What a clerk calls the rows, and the columns of other tables that refer to them by value.
        let what: String
        let references: String

        var index: String { "\(table)_\(key)" }
    }

    static let user = KeyedColumn(table: "user", column: "username", key: "usernameKey", what: "users", references: "")
    static let agency = KeyedColumn(
        table: "agency", column: "code", key: "codeKey", what: "agencies",
        references: ", and the same code in user.agency, bridgePoint.hostAgency, task.leadAgency, "
            + "task.coordinatingAgencies and notice.agencies")
    static let body = KeyedColumn(table: "body", column: "code", key: "codeKey", what: "bodies", references: "")
    static let plan = KeyedColumn(table: "plan", column: "symbol", key: "symbolKey", what: "plans", references: "")
    static let columns = [user, agency, body, plan]

    /// Adds each key column, fills it, and makes it unique. Names that already collide under the
    /// canonical form stop the migration with a message naming them: merging them silently
    /// would hand one person's rights to another.
    static func migrate(_ db: Database) throws {
        var collisions: [String] = []
        for column in columns {
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

    /// Sets the key of the row just inserted, where the unique index refuses a second identity.
    static func setKey(_ column: KeyedColumn, of value: String, in db: Database) throws {
        try db.execute(
            sql: "UPDATE \(column.table) SET \(column.key) = ? WHERE rowid = ?",
            arguments: [CanonicalName.key(value), db.lastInsertedRowID])
    }
}
