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

    /// Sets the key of the row just inserted, where the unique index refuses a second identity.
    static func setKey(_ column: KeyedColumn, of value: String, in db: Database) throws {
        try db.execute(
            sql: "UPDATE \(column.table) SET \(column.key) = ? WHERE rowid = ?",
            arguments: [CanonicalName.key(value), db.lastInsertedRowID])
    }
}
