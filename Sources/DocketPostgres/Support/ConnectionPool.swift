import DocketCore
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import Synchronization

/// Open connections, each lent to one transaction at a time, on the transaction's own thread
/// (the repositories are synchronous, as on SQLite). How many are open at once is bounded by the
/// permits `PostgresStorage` hands out before a transaction starts.
final class ConnectionPool: Sendable {
    let address: PostgresAddress
    private let idle = Mutex<[PostgresConnection]>([])
    private let opened = Atomic<Int>(0)
    static let logger: Logger = {
        var logger = Logger(label: "docket.postgres")
        logger.logLevel = .error
        return logger
    }()

    init(address: PostgresAddress) { self.address = address }

    /// Runs `body` with a connection; one that failed mid-way is closed rather than lent again.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() }.flatMap { $0.isClosed ? nil : $0 } ?? connect()
        do {
            let result = try body(connection)
            idle.withLock { $0.append(connection) }
            return result
        } catch let error as Reusable {
            idle.withLock { $0.append(connection) }
            throw error.underlying
        } catch {
            try? connection.close().wait()
            throw error
        }
    }

    /// An error after which the connection is still in a clean state (its transaction rolled back).
    struct Reusable: Error {
        let underlying: any Error
    }

    private func connect() throws -> PostgresConnection {
        let id = opened.add(1, ordering: .relaxed).newValue
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: address.configuration, id: id, logger: Self.logger
            ).wait()
        } catch {
            throw DocketError(
                .internalError, "cannot connect to PostgreSQL at \(address): \(PostgresFailure.describe(error))", field: "database")
        }
    }

    func close() {
        for connection in idle.withLock({ idle in defer { idle = [] }; return idle }) { try? connection.close().wait() }
    }
}
