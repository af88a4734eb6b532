import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting

/// A test store with a bearer token for each role and an application over it.
struct HTTPFixture {
    let store: TestStore
    let tokens: [Role: String]
    let settings: HTTPSettings

    init(maxUploadSize: Int64 = 1 << 20, time: any TimeSource = SystemTime()) async throws {
        store = try await TestStore(time: time)
        var tokens: [Role: String] = [.admin: store.adminToken]
        for (role, user) in [(Role.clerk, store.clerk), (.chair, store.chair), (.delegate, store.delegate), (.auditor, store.auditor)] {
            tokens[role] = try await store.docket.users.createToken(for: user.username, expiresInDays: 30, as: store.admin).token
        }
        self.tokens = tokens
        settings = HTTPSettings(host: "127.0.0.1", port: 0, maxUploadSize: maxUploadSize)
    }

    var application: some ApplicationProtocol {
        Application(router: buildRouter(docket: store.docket, settings: settings))
    }

    /// A body `BCĐCĐS` and a draft session of it with the chair invited.
    func sampleSession() async throws -> Session {
        _ = try await store.docket.sessions.createBody(
            NewBody(name: "Ban Chỉ đạo", code: "BCĐCĐS", term: "2020-2025"), as: store.clerk)
        let session = try await store.docket.sessions.create(
            NewSession(body: "BCĐCĐS", title: "Phiên họp thứ 1", startsAt: Date(), location: "Hà Nội"), as: store.clerk)
        _ = try await store.docket.sessions.invite(session.id, user: "chair", role: .chair, as: store.clerk)
        return session
    }

    /// Replaces `{conclusion}`, `{notice}`, `{plan}` and `{task}` with the session's first
    /// conclusion, the delegate's latest notice, the latest plan and its earliest-due task.
    func fillIn(_ path: String, session: String) async throws -> String {
        var path = path
        if path.contains("{conclusion}"), let conclusion = try await store.docket.sessions.conclusions(session, as: store.admin).first {
            path = path.replacingOccurrences(of: "{conclusion}", with: conclusion.id)
        }
        if path.contains("{notice}"), let notice = try await store.docket.notices.inbox(page: .first, as: store.delegate).items.first {
            path = path.replacingOccurrences(of: "{notice}", with: notice.notice.id)
        }
        for (placeholder, register) in [("{incoming}", "DEN"), ("{outgoing}", "TU")] where path.contains(placeholder) {
            if let entry = try await store.docket.records.entries(register: register, year: nil, page: .first, as: store.admin).items.last {
                path = path.replacingOccurrences(of: placeholder, with: entry.id)
            }
        }
        if path.contains("{filingPlan}"), let plan = try await store.docket.records.plans(unit: "VPTU", year: 2000, as: store.admin).last {
            path = path.replacingOccurrences(of: "{filingPlan}", with: plan.id)
        }
        if path.contains("{hold}"), let hold = try await store.docket.records.dossier("2000.01.HS1", as: store.admin).holds.first {
            path = path.replacingOccurrences(of: "{hold}", with: hold.id)
        }
        if path.contains("{plan}") || path.contains("{task}"),
            let plan = try await store.docket.tasks.plans(page: .first, as: store.admin).items.first
        {
            path = path.replacingOccurrences(of: "{plan}", with: plan.id)
            if path.contains("{task}"),
                let task = try await store.docket.tasks.tasks(TaskFilter(planID: plan.id), page: .first, as: store.admin).items.first
            {
                path = path.replacingOccurrences(of: "{task}", with: task.id)
            }
        }
        return path
    }

    func headers(_ role: Role?) -> HTTPFields {
        var headers = HTTPFields()
        if let role, let token = tokens[role] { headers[.authorization] = "Bearer \(token)" }
        return headers
    }

    /// Sends `count` copies of one request at once, each on a connection of its own, and returns each
    /// answer's status and body. The live test client sends everything down one connection and gives each
    /// request 20 s from when it was queued; on a loaded machine that limit, not the server, decides.
    func sendAtOnce(_ count: Int, port: Int, path: String, method: String, as role: Role, body: String) async throws -> [(status: Int, body: Data)] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = count
        configuration.timeoutIntervalForRequest = 600
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = Data(body.utf8)
        request.setValue("Bearer \(tokens[role] ?? "")", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return try await withThrowingTaskGroup(of: (status: Int, body: Data).self) { group in
            for _ in 0..<count {
                group.addTask { [request] in
                    let (data, response) = try await session.data(for: request)
                    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}

extension TestResponse {
    /// The `error` object of an error body.
    var errorBody: (code: String, message: String, field: String?)? {
        struct Body: Decodable {
            struct Detail: Decodable {
                let code: String
                let message: String
                let field: String?
            }
            let error: Detail
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(buffer: self.body)) else { return nil }
        return (body.error.code, body.error.message, body.error.field)
    }

    func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        self = Data(buffer.readableBytesView)
    }
}
