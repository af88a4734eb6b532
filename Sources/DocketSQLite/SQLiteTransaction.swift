import DocketCore
import GRDB

/// The repositories of every module over one open GRDB transaction: a change, its audit event
/// and any number it takes commit together. Each module's queries live in `Module/SQLiteTransaction+Module.swift`.
struct SQLiteTransaction: StorageWriter {
    let db: Database

    func onRollback(_ undo: @escaping @Sendable () -> Void) {
        db.afterNextTransaction(onCommit: { _ in }, onRollback: { _ in undo() })
    }
}
