import Foundation

/// Writing inside a transaction: every module's repository, so a change, its audit event and any
/// number it takes commit together.
public protocol StorageWriter: StorageReader, UserRepository, DocumentRepository, SessionRepository, NoticeRepository, TaskRepository, RecordRepository, AuditRepository {
    /// Runs `undo` if this transaction rolls back, so a side effect outside the database (a blob
    /// stored for the change) never outlives a change that was not made.
    func onRollback(_ undo: @escaping @Sendable () -> Void)
}
