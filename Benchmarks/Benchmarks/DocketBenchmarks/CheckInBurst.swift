import Benchmark
import DocketCore
import DocketHTTP
import DocketServices
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// 2,000 invited delegates checking in at once over HTTP on loopback.
enum CheckInBurst {
    static let delegates = 2_000
    static let p99 = BenchmarkMetric.custom("p99 check-in latency (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    static let p50 = BenchmarkMetric.custom("p50 check-in latency (µs)", polarity: .prefersSmaller, useScalingFactor: false)

    /// Every delegate sends `method path` at once (by default: checks in), each over their own
    /// connection, opened before the burst as a tablet that shows the agenda has one; returns each
    /// request's latency in microseconds.
    static func burst(
        _ docket: Docket, session: String, tokens: [String], method: HTTPRequest.Method = .post, path: String? = nil
    ) async throws -> [Int] {
        var logger = Logger(label: "docket")
        logger.logLevel = .notice
        let application = buildApplication(docket: docket, settings: HTTPSettings(port: 0), logger: logger)
        return try await application.test(.live) { server in
            guard let port = server.port else { throw CancellationError() }
            let clients = tokens.map { _ in TestClient(host: "127.0.0.1", port: port) }
            clients.forEach { $0.connect() }
            for client in clients { _ = try await client.getChannel() }
            let latencies = try await withThrowingTaskGroup(of: Int.self) { group in
                for (client, token) in zip(clients, tokens) {
                    group.addTask {
                        var headers = HTTPFields()
                        headers[.authorization] = "Bearer \(token)"
                        let request = TestClient.Request(
                            path ?? "/api/v1/sessions/\(session)/check-in", method: method, authority: "localhost", headers: headers)
                        let start = ContinuousClock.now
                        let status = try await client.execute(request).status
                        let elapsed = ContinuousClock.now - start
                        precondition(status == .ok, "check-in answered \(status)")
                        return Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for client in clients { try await client.shutdown() }
            return latencies
        }
    }
}
