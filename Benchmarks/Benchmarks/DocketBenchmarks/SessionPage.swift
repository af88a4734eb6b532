import Benchmark
import DocketHTTP
import DocketServices
import Foundation
import Hummingbird
import HummingbirdTesting

/// A delegate's session page, rendered through the router as `docket serve` renders it, beside
/// the HTTP floor (`GET /healthz`) through the same router in the same run.
enum SessionPage {
    static let median = BenchmarkMetric.custom("median page render (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    static let p99 = BenchmarkMetric.custom("p99 page render (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    static let floor = BenchmarkMetric.custom("median GET /healthz (µs)", polarity: .prefersSmaller, useScalingFactor: false)

    struct Run: Sendable {
        /// Microseconds per request, sorted.
        let page: [Int]
        let floor: [Int]
        let bytes: Int
        let css: Int
    }

    static func measure(_ docket: Docket, session: String, token: String, requests: Int = 200) async throws -> Run {
        let application = Application(router: buildRouter(docket: docket, settings: HTTPSettings(port: 0)))
        let headers: HTTPFields = [.cookie: "docket_session=\(token)"]
        return try await application.test(.router) { client in
            func time(_ uri: String, _ headers: HTTPFields = [:]) async throws -> (Int, Int) {
                let start = ContinuousClock.now
                let bytes = try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    precondition(response.status == .ok, "\(uri) answered \(response.status)")
                    return response.body.readableBytes
                }
                let elapsed = ContinuousClock.now - start
                return (Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000), bytes)
            }
            var page: [Int] = []
            var floor: [Int] = []
            var bytes = 0
            for _ in 0..<requests {
                let (micros, size) = try await time("/sessions/\(session)", headers)
                page.append(micros)
                bytes = size
                floor.append(try await time("/healthz").0)
            }
            let css = try await time("/assets/docket.css").1
            return Run(page: page.sorted(), floor: floor.sorted(), bytes: bytes, css: css)
        }
    }
}
