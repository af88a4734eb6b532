import Foundation

/// Reading inside a transaction: every module's repository, over one consistent snapshot.
public protocol StorageReader: UserReadRepository, DocumentReadRepository, SessionReadRepository, NoticeReadRepository, TaskReadRepository, RecordReadRepository, AuditReadRepository {}
