import DocketCore
import GRDB

/// The repositories of every module over one open GRDB transaction: a change, its audit event
/// and any number it takes commit together. Each module's queries live in `Module/SQLiteTransaction+Module.swift`.
struct SQLiteTransaction: StorageWriter {
    let db: Database

    func onRollback(_ undo: @escaping @Sendable () -> Void) {
        db.afterNextTransaction(onCommit: { _ in }, onRollback: { _ in undo() })
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: Result<T, any Error>?
        try db.inSavepoint {
            let outcome = Result { try body() }
            result = outcome
            if case .failure = outcome { return .rollback }
            return .commit
        }
        // inSavepoint runs the closure exactly once; nil cannot happen.
        guard let result else { throw DocketError(.internalError, "the savepoint did not run") }
        return try result.get()
    }
}
