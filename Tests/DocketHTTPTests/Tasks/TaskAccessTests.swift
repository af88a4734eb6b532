import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A delegate sees and reports on the tasks their agency leads or coordinates, and no others.
@Suite struct TaskAccessTests {
    @Test func aDelegateOfAnotherAgencyCannotSeeOrReportOnTheTask() async throws {
        let fixture = try await HTTPFixture()
        let store = fixture.store
        _ = try await store.supervisedPlan()
        var byAgency: [String: HTTPFields] = [:]
        for agency in ["VPTU", "BTC"] {
            let user = try await store.docket.users.add(
                NewUser(username: agency.lowercased(), roles: [.delegate], agency: agency), as: store.admin)
            let token = try await store.docket.users.createToken(for: user.username, expiresInDays: 1, as: store.admin).token
            var fields = HTTPFields()
            fields[.authorization] = "Bearer \(token)"
            byAgency[agency] = fields
        }
        let headers = byAgency
        let task = { (code: String) in try await store.docket.tasks.task(code, plan: "05-KH/TU", as: store.clerk).task }
        let overdueTask = try await task("2.2")  // led by BTC, nobody coordinates
        let vptuTask = try await task("1.1")  // led by VPTU, BTC coordinates
        let before = try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.admin).total
        let progress = ByteBuffer(string: #"{"percent":40,"text":"Đã khảo sát","on":"2025-06-01"}"#)
        try await fixture.application.test(.router) { client in
            func codes(_ response: TestResponse) throws -> [String] {
                try (response.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }.sorted()
            }
            try await client.execute(uri: "/api/v1/tasks", method: .get, headers: headers["VPTU"] ?? [:]) { response in
                let found = try codes(response)
                #expect(found == ["1.1", "1.2"])
            }
            try await client.execute(uri: "/api/v1/tasks", method: .get, headers: headers["BTC"] ?? [:]) { response in
                let found = try codes(response)
                #expect(found == ["1.1", "1.2", "2.1", "2.2"])  // leads 2.x, coordinates 1.x
            }
            try await client.execute(uri: "/api/v1/tasks", method: .get, headers: fixture.headers(.delegate)) { response in
                let found = try codes(response)
                #expect(found.isEmpty)
            }
            try await client.execute(uri: "/api/v1/tasks?agency=BTC", method: .get, headers: headers["VPTU"] ?? [:]) { response in
                let found = try codes(response)
                #expect(found.isEmpty)
            }
            for who in [headers["VPTU"] ?? [:], fixture.headers(.delegate)] {
                try await client.execute(uri: "/api/v1/tasks/\(overdueTask.id)", method: .get, headers: who) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/api/v1/tasks/\(overdueTask.id)/progress", method: .post, headers: who, body: progress) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/api/v1/reports/tasks?asOf=2025-06-01", method: .get, headers: who) { response in
                    #expect(response.status == .forbidden)
                }
            }
            // The auditor reads but does not report.
            try await client.execute(uri: "/api/v1/tasks/\(overdueTask.id)/progress", method: .post, headers: fixture.headers(.auditor), body: progress) { response in
                #expect(response.status == .forbidden)
            }
            // A delegate may not move a task's status, even their own agency's.
            try await client.execute(
                uri: "/api/v1/tasks/\(overdueTask.id)/status", method: .post, headers: headers["BTC"] ?? [:],
                body: ByteBuffer(string: #"{"status":"completed"}"#)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.admin).total == before)
        try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/api/v1/tasks/\(overdueTask.id)/progress", method: .post, headers: headers["BTC"] ?? [:], body: progress) { response in
                #expect(response.status == .ok)
                let status = try response.json()["status"] as? String
                #expect(status == "in-progress")
            }
            try await client.execute(uri: "/api/v1/tasks/\(vptuTask.id)", method: .get, headers: headers["BTC"] ?? [:]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func reportResponsesValidateAgainstTheSpec() async throws {
        let fixture = try await HTTPFixture()
        let plan = try await fixture.store.supervisedPlan()
        let task = try await fixture.store.docket.tasks.task("2.1", plan: plan.symbol, as: fixture.store.clerk).task
        let samples = try await fixture.application.test(.router) { client in
            var samples: [(schema: String, body: Data)] = []
            for (uri, schema) in [
                ("/api/v1/plans", "PlanPage"), ("/api/v1/plans/\(plan.id)", "Plan"), ("/api/v1/tasks", "TaskPage"),
                ("/api/v1/tasks/\(task.id)", "TaskDetail"), ("/api/v1/reports/tasks?asOf=2025-05-20&by=group", "TaskReport"),
                ("/api/v1/reports/tasks/overdue?asOf=2025-05-20", "OverdueTaskPage"), ("/api/v1/reports/tasks?asOf=bad", "Error"),
            ] {
                samples.append((schema, try await client.execute(uri: uri, method: .get, headers: fixture.headers(.clerk)) { Data(buffer: $0.body) }))
            }
            return samples
        }
        for (index, sample) in samples.enumerated() {
            let path = try fixture.store.directory.write(sample.body, to: "task-sample-\(index).json")
            let result = try Command.run("python3", ["-c", OpenAPIContractTests.validator, OpenAPIContractTests.specPath, sample.schema, path])
            #expect(result.status == 0, "\(sample.schema): \(result.stderr)")
        }
    }
}
