import DocketCore
import Foundation
import PostgresNIO

/// `Storage` on PostgreSQL through postgres-nio: a pool of connections, each transaction on a
/// thread of its own. Several `docket serve` processes may share one database.
///
/// Every write transaction first takes one transaction-scoped advisory lock, so writes run one
/// at a time across all processes, as SQLite's single writer does: each takes the next register
/// or notice number and appends to the audit chain after the last commit, and the chain stays
/// single-headed. Row locks would not do: the numbers to lock (the audit head, a series' last
/// entry) do not exist before they are taken. Reads run beside writes on their own snapshots.
public final class PostgresStorage: Storage {
    let pool: ConnectionPool
    private let queue = DispatchQueue(label: "docket.postgres", attributes: .concurrent)
    /// Reads share all connections but one; writes, which run one at a time anyway (the writers'
    /// lock), have that one. A transaction waits for its permit as a suspended task, so a burst of
    /// requests never holds more threads than there are connections.
    private let readers: Permits
    private let writers = Permits(1)
    /// The key of the lock every write transaction holds ("docket" in ASCII).
    static let writeLock = 0x646F_636B_6574
    public var address: PostgresAddress { pool.address }

    /// Connects to the database at `url` and applies pending migrations.
    public init(url: String, poolSize: Int = 10) throws {
        pool = ConnectionPool(address: try PostgresAddress(url))
        readers = Permits(max(poolSize, 2) - 1)
        try pool.withConnection { try PostgresMigrations.migrate($0) }
    }

    deinit { pool.close() }

    public func read<T: Sendable>(_ body: @Sendable (any StorageReader) throws -> T) async throws -> T {
        // The transaction ends before `run` returns, so `body` does not outlive this call.
        try await withoutActuallyEscaping(body) { body in try await run(readers) { try self.transaction(readOnly: true, body) } }
    }

    public func write<T: Sendable>(_ body: @Sendable (any StorageWriter) throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { body in try await run(writers) { try self.transaction(readOnly: false, body) } }
    }

    /// Runs a blocking transaction off Swift's cooperative threads. The work is let go before the
    /// caller resumes, so a closure that only seems to escape is released in time.
    private func run<T: Sendable>(_ permits: Permits, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        await permits.acquire()
        defer { permits.release() }
        let pending = Pending(work)
        return try await withUnsafeThrowingContinuation { continuation in
            queue.async {
                let result = Result { try pending.take()() }
                continuation.resume(with: result)
            }
        }
    }

    private final class Pending<T>: @unchecked Sendable {
        private var work: (@Sendable () throws -> T)?
        init(_ work: @escaping @Sendable () throws -> T) { self.work = work }

        /// The work, given up: only the queue's one block calls this, once.
        func take() -> @Sendable () throws -> T {
            defer { work = nil }
            return work ?? { throw DocketError(.internalError, "a transaction ran twice") }
        }
    }

    private func transaction<T>(readOnly: Bool, _ body: (PostgresTransaction) throws -> T) throws -> T {
        try pool.withConnection { connection in
            let transaction = PostgresTransaction(connection: connection, remembersReads: !readOnly)
            // BEGIN and the lock are queued without waiting: the body's first statement runs after
            // them, and fails if they did. A read-only COMMIT has nothing to wait for either.
            if readOnly {
                transaction.send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            } else {
                transaction.send("BEGIN")
                transaction.send("SELECT pg_advisory_xact_lock(\(Self.writeLock))")
            }
            let result: T
            do {
                result = try body(transaction)
                if readOnly { transaction.send("COMMIT") } else { try transaction.commit() }
            } catch {
                let rolledBack = transaction.rollback()
                // An abandoned batch's changes run again, each alone, and undo for themselves.
                if !(error is BatchAbandoned) { transaction.rolledBack() }
                let error = DocketError.database(error)
                throw rolledBack ? ConnectionPool.Reusable(underlying: error) : error
            }
            return result
        }
    }

    /// Which schema migrations have been applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.withConnection { try PostgresMigrations.applied($0) }
    }

    /// Whether the database holds no Docket data yet: no user and no audit event.
    public func isEmpty() async throws -> Bool {
        try await read { reader in try reader.auditHead() == nil && reader.users(page: try Page(limit: 1)).total == 0 }
    }
}
