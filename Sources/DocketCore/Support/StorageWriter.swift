import Foundation

/// Writing inside a transaction: every module's repository, so a change, its audit event and any
/// number it takes commit together.
public protocol StorageWriter: StorageReader, UserRepository, DocumentRepository, SessionRepository, NoticeRepository, TaskRepository, RecordRepository, AuditRepository {
    /// Runs `undo` if this transaction rolls back, so a side effect outside the database (a blob
    /// stored for the change) never outlives a change that was not made.
    func onRollback(_ undo: @escaping @Sendable () -> Void)

    /// Runs `body` inside a savepoint of this transaction: if it throws, everything it wrote is
    /// undone and the error rethrown, and the rest of the transaction goes on.
    func savepoint<T>(_ body: () throws -> T) throws -> T
}
