import Foundation

/// The storage layer: transactions over the repositories. DocketSQLite implements it with GRDB;
/// the protocol leaves room for another database.
public protocol Storage: Sendable {
    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T: Sendable>(_ body: @Sendable (any StorageReader) throws -> T) async throws -> T
    /// Runs `body` in a write transaction: everything it does commits together or not at all.
    func write<T: Sendable>(_ body: @Sendable (any StorageWriter) throws -> T) async throws -> T
}
