import DocketCore
import Foundation
import PostgresNIO

/// The numbered schema migrations, in order, one file each in this folder. Each runs in its own
/// transaction; a session advisory lock keeps two processes starting at once from both running one.
enum PostgresMigrations {
    static let all: [(identifier: String, statements: [String])] = [
        (Migration0001Schema.identifier, Migration0001Schema.statements),
        (Migration0002Search.identifier, Migration0002Search.statements),
    ]

    /// The key of the lock held while migrating ("migrate" in ASCII).
    static let lock = 0x6D69_6772_6174_65

    static func migrate(_ connection: PostgresConnection) throws {
        let transaction = PostgresTransaction(connection: connection)
        do {
            try transaction.execute("SELECT pg_advisory_lock($1)", [lock])
            defer { _ = try? transaction.execute("SELECT pg_advisory_unlock($1)", [lock]) }
            try transaction.execute(
                "CREATE TABLE IF NOT EXISTS docket_migrations (identifier text PRIMARY KEY, appliedAt timestamptz NOT NULL DEFAULT now())")
            let done = Set(try applied(connection))
            let known = Set(all.map(\.identifier))
            if let unknown = done.subtracting(known).sorted().first {
                throw DocketError(
                    .conflict, "the database was migrated by a newer Docket (migration \(unknown)); run that version", field: "database")
            }
            for migration in all where !done.contains(migration.identifier) {
                try transaction.execute("BEGIN")
                do {
                    for statement in migration.statements { try transaction.execute(statement) }
                    try transaction.execute("INSERT INTO docket_migrations (identifier) VALUES ($1)", [migration.identifier])
                    try transaction.execute("COMMIT")
                } catch {
                    _ = try? transaction.execute("ROLLBACK")
                    throw DocketError(
                        .internalError, "migration \(migration.identifier) failed: \(PostgresFailure.describe(error))", field: "database")
                }
            }
        } catch let error as DocketError {
            throw error
        } catch {
            throw DocketError(.internalError, "cannot prepare the PostgreSQL schema: \(PostgresFailure.describe(error))", field: "database")
        }
    }

    static func applied(_ connection: PostgresConnection) throws -> [String] {
        try PostgresTransaction(connection: connection).rows("SELECT identifier FROM docket_migrations ORDER BY identifier")
            .map { try $0.required(0, as: String.self) }
    }
}
