import Foundation

/// Writing inside a transaction: every module's repository, so a change, its audit event and any
/// number it takes commit together.
public protocol StorageWriter: StorageReader, UserRepository, DocumentRepository, SessionRepository, NoticeRepository, TaskRepository, RecordRepository, AuditRepository {
    /// Runs `undo` if this transaction rolls back, so a side effect outside the database (a blob
    /// stored for the change) never outlives a change that was not made.
    func onRollback(_ undo: @escaping @Sendable () -> Void)

    /// Runs `body` inside a savepoint of this transaction: if it throws, everything it wrote is
    /// undone and the error rethrown, and the rest of the transaction goes on. A backend that
    /// cannot undo writes it already sent lets the rest go on but then ends the transaction with
    /// `BatchAbandoned` instead of committing.
    func savepoint<T>(_ body: () throws -> T) throws -> T
}

/// A write transaction ended without committing because a savepoint's body failed after some of
/// its writes had reached the database (PostgreSQL holds writes back and sends them together, to
/// spare round trips). Nothing was committed and nothing registered with `onRollback` ran: each
/// change the transaction carried is to run again in a transaction of its own.
public struct BatchAbandoned: Error {
    public init() {}
}
