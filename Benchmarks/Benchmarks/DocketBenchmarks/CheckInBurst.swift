import Benchmark
import DocketCore
import DocketHTTP
import DocketServices
import Foundation
import Hummingbird
import HummingbirdTesting

/// 2,000 invited delegates checking in at once over HTTP on loopback.
enum CheckInBurst {
    static let delegates = 2_000
    static let p99 = BenchmarkMetric.custom("p99 check-in latency (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    static let p50 = BenchmarkMetric.custom("p50 check-in latency (µs)", polarity: .prefersSmaller, useScalingFactor: false)

    /// Users and tokens, made once; each iteration opens a new session for all of them.
    static func prepare(_ box: StoreBox) async throws -> [String] {
        try await box.open()
        let (docket, admin) = try box.get()
        var tokens: [String] = []
        for index in 0..<delegates {
            let name = "delegate\(index)"
            _ = try await docket.users.add(NewUser(username: name, roles: [.delegate]), as: admin)
            tokens.append(try await docket.users.createToken(for: name, expiresInDays: 1, as: admin).token)
        }
        _ = try await docket.sessions.createBody(NewBody(name: "Hội nghị", code: "HN", numbering: .state), as: admin)
        return tokens
    }

    static func openSession(_ docket: Docket, admin: User) async throws -> String {
        let session = try await docket.sessions.create(NewSession(body: "HN", title: "Hội nghị toàn tỉnh", startsAt: Date()), as: admin)
        for index in 0..<delegates {
            _ = try await docket.sessions.invite(session.id, user: "delegate\(index)", role: .member, as: admin)
        }
        _ = try await docket.sessions.advance(session.id, to: .scheduled, as: admin)
        _ = try await docket.sessions.advance(session.id, to: .open, as: admin)
        return session.id
    }

    /// Every delegate sends `method path` at once (by default: checks in); returns each request's
    /// latency in microseconds.
    static func burst(
        _ docket: Docket, session: String, tokens: [String], method: HTTPRequest.Method = .post, path: String? = nil
    ) async throws -> [Int] {
        let application = Application(router: buildRouter(docket: docket, settings: HTTPSettings(port: 0)))
        return try await application.test(.live) { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for token in tokens {
                    group.addTask {
                        var headers = HTTPFields()
                        headers[.authorization] = "Bearer \(token)"
                        let start = ContinuousClock.now
                        let status = try await client.execute(
                            uri: path ?? "/api/v1/sessions/\(session)/check-in", method: method, headers: headers) { $0.status }
                        precondition(status == .ok, "check-in answered \(status)")
                        let elapsed = ContinuousClock.now - start
                        return Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }
}
