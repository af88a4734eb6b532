import Foundation
import Logging
import NIOPosix
import PostgresNIO

// Usage: pg-roundtrip URL [N] — what one statement costs through postgres-nio, the ways a
// transaction on a thread of its own can send it; compare with `pgbench -M extended` on `SELECT 1`.
let arguments = CommandLine.arguments
guard arguments.count >= 2, let url = URL(string: arguments[1]), let host = url.host, let user = url.user else {
    FileHandle.standardError.write(Data("usage: pg-roundtrip postgres://USER@HOST:PORT/DB [N]\n".utf8))
    exit(2)
}
let n = arguments.count > 2 ? Int(arguments[2]) ?? 20_000 : 20_000
let logger = Logger(label: "pg-roundtrip")
let configuration = PostgresConnection.Configuration(
    host: host, port: url.port ?? 5432, username: user, password: nil, database: String(url.path.dropFirst()), tls: .disable)
let connection = try PostgresConnection.connect(
    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
).wait()

func send(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> { connection.query(query, logger: logger) }

func timed(_ label: String, _ body: () throws -> Void) rethrows {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    let micros = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
    print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%7.1f µs per statement", micros / Double(n)))
}
try timed("awaited one by one, from a thread") {
    for i in 0..<n { _ = try send("SELECT \(i)").wait() }
}
try timed("sent in a row, the last awaited") {
    var last: EventLoopFuture<PostgresQueryResult>?
    for i in 0..<n { last = send("SELECT \(i)") }
    _ = try last?.wait()
}
try timed("BEGIN; n × (SAVEPOINT, SELECT, RELEASE) sent") {
    _ = try send("BEGIN").wait()
    var last: EventLoopFuture<PostgresQueryResult>?
    for i in 0..<(n / 3) {
        _ = send(PostgresQuery(unsafeSQL: "SAVEPOINT s\(i)"))
        _ = send("SELECT \(i)")
        last = send(PostgresQuery(unsafeSQL: "RELEASE SAVEPOINT s\(i)"))
    }
    _ = try last?.wait()
    _ = try send("COMMIT").wait()
}
try connection.close().wait()
