import DocketCore
import PostgresNIO

/// What PostgreSQL refused, read from its error: the SQLSTATE and the constraint, so the
/// repositories turn a unique violation into the same conflict SQLite's would be.
struct PostgresFailure {
    let state: String?
    let constraint: String?
    /// The table it happened in, lower case.
    let table: String?

    init?(_ error: any Error) {
        guard let error = error as? PSQLError, error.code == .server else { return nil }
        state = error.serverInfo?[.sqlState]
        constraint = error.serverInfo?[.constraintName]
        table = error.serverInfo?[.tableName]?.lowercased()
    }

    var isUniqueViolation: Bool { state == "23505" }

    /// A readable line for any error from the driver: the server's message when there is one.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        return error.underlying.map { "\($0)" } ?? "\(error.code)"
    }
}

extension DocketError {
    /// A database error no repository expected, as an internal error with the server's message;
    /// any other error as it is.
    static func database(_ error: any Error) -> any Error {
        guard error is PSQLError else { return error }
        return DocketError(.internalError, "PostgreSQL: \(PostgresFailure.describe(error))")
    }
}

extension PostgresFailure {
    /// A refusal that turns a unique violation into `conflict`.
    static func unique(_ conflict: DocketError) -> Refusal { { $0.isUniqueViolation ? conflict : nil } }
}
