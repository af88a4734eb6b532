import Foundation

/// Writing inside a transaction: every module's repository, so a change, its audit event and any
/// number it takes commit together.
public protocol StorageWriter: StorageReader, UserRepository, DocumentRepository, SessionRepository, NoticeRepository, TaskRepository, AuditRepository {}
