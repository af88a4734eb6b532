import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route, asked with no token, by a role that may not, and by one that may.
@Suite struct AuthorizationMatrixTests {
    struct Case: CustomStringConvertible {
        let method: HTTPRequest.Method
        var path: String
        var body: String? = nil
        /// A role that may not; nil when every signed-in user may.
        let denied: Role?
        /// What the denied role gets: 403, or 404 where the object is hidden from them.
        var deniedStatus: HTTPResponse.Status = .forbidden
        let allowed: Role
        var success: HTTPResponse.Status = .ok

        var description: String { "\(method) \(path)" }
    }

    static func cases(document: String, session: String = "{id}") -> [Case] {
        // The state change that used to end this list is now part of sessionRecordCases.
        [
            Case(method: .get, path: "/api/v1/me", denied: nil, allowed: .delegate),
            Case(method: .get, path: "/api/v1/documents", denied: nil, allowed: .delegate),
            Case(method: .post, path: "/api/v1/documents?filename=a.txt", body: "hello", denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .post, path: "/api/v1/documents?filename=b.txt", body: "hello", denied: .delegate, allowed: .chair, success: .created),
            Case(method: .get, path: "/api/v1/documents/\(document)", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .get, path: "/api/v1/documents/\(document)/content", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .get, path: "/api/v1/documents/\(document)/signatures", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .post, path: "/api/v1/documents/\(document)/signatures", denied: .auditor, allowed: .chair, success: .created),
            Case(method: .get, path: "/api/v1/documents/\(document)/signatures/1", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .get, path: "/api/v1/documents/\(document)/verification", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .get, path: "/api/v1/users", denied: .clerk, allowed: .admin),
            Case(method: .post, path: "/api/v1/users", body: #"{"username":"newbie","roles":["delegate"]}"#, denied: .clerk, allowed: .admin, success: .created),
            Case(method: .post, path: "/api/v1/users/newbie/tokens", body: "{}", denied: .auditor, allowed: .admin, success: .created),
            Case(method: .get, path: "/api/v1/users/newbie/tokens", denied: .clerk, allowed: .admin),
            Case(method: .post, path: "/api/v1/users/newbie/disable", denied: .auditor, allowed: .admin),
            Case(method: .get, path: "/api/v1/audit/events", denied: .clerk, allowed: .auditor),
            Case(method: .get, path: "/api/v1/audit/verification", denied: .chair, allowed: .auditor),
            Case(method: .get, path: "/api/v1/audit/checkpoint", denied: .clerk, allowed: .auditor),
            Case(method: .get, path: "/api/v1/audit/log-key", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/audit/events/1/proof", denied: .chair, allowed: .auditor),
            Case(method: .get, path: "/api/v1/store/check", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/keys", denied: nil, allowed: .auditor),
            Case(method: .get, path: "/api/v1/bodies", denied: nil, allowed: .delegate),
            Case(method: .post, path: "/api/v1/bodies", body: #"{"name":"Tổ công tác","code":"TCT","numbering":"state"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .put, path: "/api/v1/bodies/TCT/members/chair", denied: .auditor, allowed: .clerk),
            Case(method: .get, path: "/api/v1/bodies/TCT/members", denied: .delegate, allowed: .auditor),
            Case(method: .delete, path: "/api/v1/bodies/TCT/members/chair", denied: .chair, allowed: .clerk),
            Case(method: .get, path: "/api/v1/sessions", denied: nil, allowed: .delegate),
            Case(method: .post, path: "/api/v1/sessions", body: #"{"body":"TCT","title":"Họp","startsAt":"2025-03-10T08:00:00+07:00"}"#, denied: .delegate, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/sessions/\(session)", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
        ] + sessionRecordCases(document: document, session: session)
    }

    /// The session's records, in an order its lifecycle allows: prepared while draft, attended and
    /// concluded while open, amended once closed. `{conclusion}` and `{notice}` are filled in as
    /// they come to exist.
    static func sessionRecordCases(document: String, session: String) -> [Case] {
        let s = "/api/v1/sessions/\(session)"
        let state = { (state: String) in
            Case(method: .post, path: "\(s)/state", body: #"{"state":"\#(state)"}"#, denied: .auditor, allowed: .clerk)
        }
        return [
            Case(method: .post, path: "/api/v1/agencies", body: #"{"code":"VPTU","name":"Văn phòng Tỉnh ủy"}"#, denied: .delegate, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/agencies", denied: nil, allowed: .delegate),
            Case(method: .post, path: "\(s)/bridge-points", body: #"{"name":"Điểm cầu Hà Nội","hostAgency":"VPTU"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .get, path: "\(s)/bridge-points", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .post, path: "\(s)/agenda", body: #"{"title":"Khai mạc","documents":["\#(document)"]}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .post, path: "\(s)/agenda", body: #"{"title":"Tạm","parent":"1"}"#, denied: .chair, allowed: .clerk, success: .created),
            Case(method: .patch, path: "\(s)/agenda/1", body: #"{"plannedMinutes":15}"#, denied: .auditor, allowed: .clerk),
            Case(method: .delete, path: "\(s)/agenda/1.1", denied: .auditor, allowed: .clerk),
            Case(method: .get, path: "\(s)/agenda", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .post, path: "\(s)/participants", body: #"{"user":"auditor","role":"guest"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .delete, path: "\(s)/participants/auditor", denied: .chair, allowed: .clerk, success: .noContent),
            Case(method: .post, path: "\(s)/participants", body: #"{"user":"delegate","bridgePoint":"Điểm cầu Hà Nội"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .get, path: "\(s)/participants", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            state("scheduled"),
            Case(method: .get, path: "\(s)/participants", denied: nil, allowed: .delegate),
            Case(method: .get, path: "\(s)/agenda/versions", denied: nil, allowed: .delegate),
            state("open"),
            Case(method: .post, path: "\(s)/check-in", denied: .auditor, deniedStatus: .notFound, allowed: .delegate),
            Case(method: .post, path: "\(s)/check-out", denied: .auditor, deniedStatus: .notFound, allowed: .delegate),
            Case(method: .post, path: "\(s)/attendance", body: #"{"user":"chair","status":"absent","reason":"công tác"}"#, denied: .auditor, allowed: .clerk),
            Case(method: .get, path: "\(s)/attendance", denied: nil, allowed: .delegate),
            Case(method: .post, path: "\(s)/conclusions", body: #"{"text":"Giao Văn phòng báo cáo","item":"1","tasks":[{"title":"Báo cáo","leadAgency":"VPTU","coordinatingAgencies":[],"deadline":"2025-06-30"}]}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .patch, path: "\(s)/conclusions/{conclusion}", body: #"{"text":"Giao Văn phòng Tỉnh ủy báo cáo"}"#, denied: .delegate, allowed: .clerk),
            Case(method: .get, path: "\(s)/conclusions", denied: nil, allowed: .delegate),
            Case(method: .post, path: "/api/v1/notices", body: #"{"session":"\#(session)","kind":"conclusion"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/notices/{notice}", denied: .delegate, allowed: .clerk),
            Case(method: .get, path: "/api/v1/register?body=BCĐCĐS", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/me/notices", denied: nil, allowed: .delegate),
            Case(method: .get, path: "/api/v1/me/notices/{notice}", denied: .auditor, deniedStatus: .notFound, allowed: .delegate),
            Case(method: .get, path: "\(s)/pack", denied: nil, allowed: .delegate),
            state("closed"),
            Case(method: .get, path: "\(s)/amendments", denied: nil, allowed: .auditor),
        ] + taskCases + recordCases(document: document) + dossierCases(document: document)
    }

    /// Plans and tasks; `{plan}` is the latest plan and `{task}` its earliest-due task. The tasks
    /// are led by VPTU, not the delegate's agency, so the delegate is told they do not exist.
    static let taskCases: [Case] = [
        Case(method: .post, path: "/api/v1/plans", body: #"{"symbol":"05-KH/TU","title":"Kế hoạch chuyển đổi số","implements":"57-NQ/TW","groups":[{"number":1,"title":"Thể chế"}],"phases":[{"code":"GĐ1","starts":"2025-01-01","ends":"2025-06-30"}]}"#, denied: .auditor, allowed: .clerk, success: .created),
        Case(method: .get, path: "/api/v1/plans", denied: nil, allowed: .delegate),
        Case(method: .get, path: "/api/v1/plans/{plan}", denied: nil, allowed: .delegate),
        Case(method: .post, path: "/api/v1/plans/{plan}/tasks", body: #"{"code":"1","title":"Ban hành quy chế","group":1,"phase":"GĐ1","leadAgency":"VPTU","deadline":"2025-06-30","assignedOn":"2025-01-02","key":true}"#, denied: .chair, allowed: .clerk, success: .created),
        Case(method: .post, path: "/api/v1/plans/{plan}/import", body: "code,title,lead,deadline,assigned\n2,Báo cáo sơ kết,VPTU,2025-07-31,2025-01-02\n", denied: .delegate, allowed: .clerk),
        Case(method: .get, path: "/api/v1/tasks", denied: nil, allowed: .delegate),
        Case(method: .get, path: "/api/v1/tasks/{task}", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
        Case(method: .post, path: "/api/v1/tasks/{task}/progress", body: #"{"percent":50,"text":"Đã có dự thảo","on":"2025-02-01"}"#, denied: .delegate, deniedStatus: .notFound, allowed: .clerk),
        Case(method: .post, path: "/api/v1/tasks/{task}/extensions", body: #"{"deadline":"2025-07-15","reason":"Chờ ý kiến","approvedBy":"Đồng chí Bí thư","on":"2025-06-20"}"#, denied: .auditor, allowed: .clerk),
        Case(method: .post, path: "/api/v1/tasks/{task}/status", body: #"{"status":"completed","on":"2025-07-10"}"#, denied: .chair, allowed: .clerk),
        Case(method: .get, path: "/api/v1/reports/tasks?plan={plan}&asOf=2025-08-01&by=group", denied: .delegate, allowed: .auditor),
        Case(method: .get, path: "/api/v1/reports/tasks/overdue?asOf=2025-09-01", denied: .delegate, allowed: .chair),
        Case(method: .get, path: "/api/v1/reports/agencies?asOf=2025-09-01", denied: .delegate, allowed: .auditor),
        Case(method: .post, path: "/api/v1/reminders", body: #"{"within":30,"body":"BCĐCĐS"}"#, denied: .auditor, allowed: .clerk, success: .created),
    ]

    /// Registers and the processing of one incoming document, `{incoming}`, to the outgoing
    /// document `{outgoing}` that answers it. The delegate coordinates it once it is directed.
    static func recordCases(document: String) -> [Case] {
        let incoming = "/api/v1/incoming/{incoming}"
        return [
            Case(method: .post, path: "/api/v1/registers", body: #"{"code":"DEN","kind":"incoming"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .post, path: "/api/v1/registers", body: #"{"code":"TU","kind":"outgoing","numbering":"party","term":"XIII"}"#, denied: .chair, allowed: .clerk, success: .created),
            Case(method: .post, path: "/api/v1/registers/TU/series", body: #"{"type":"QĐ","next":4,"reason":"01–03 trên giấy"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .post, path: "/api/v1/registers/TU/import", body: "Số, ký hiệu;Ngày tháng;Trích yếu\n01-QĐ/TU;02/01/2025;Quyết định thành lập tổ công tác\n", denied: .auditor, allowed: .clerk),
            Case(method: .get, path: "/api/v1/registers", denied: .delegate, allowed: .auditor),
            Case(method: .post, path: "/api/v1/incoming", body: #"{"document":"\#(document)","sender":"Tỉnh ủy Hà Giang","senderSymbol":"12-CV/TU","summary":"Về chuyển đổi số","deadline":"2030-01-10"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/registers/DEN/entries", denied: nil, allowed: .auditor),
            Case(method: .get, path: "/api/v1/registers/DEN/sheet?format=csv", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/registers/DEN/gaps", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/entries/{incoming}", denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .post, path: "\(incoming)/submission", body: #"{"leader":"chair"}"#, denied: .auditor, allowed: .clerk),
            Case(method: .post, path: "\(incoming)/return", body: #"{"reason":"Thiếu phụ lục"}"#, denied: .delegate, deniedStatus: .notFound, allowed: .chair),
            Case(method: .post, path: "\(incoming)/submission", body: #"{"leader":"chair","note":"Đã bổ sung"}"#, denied: .delegate, allowed: .clerk),
            Case(method: .post, path: "\(incoming)/direction", body: #"{"text":"Giao Văn phòng tham mưu","handler":"clerk","coordinating":["delegate"],"deadline":"2030-01-05"}"#, denied: .clerk, allowed: .chair),
            Case(method: .post, path: "\(incoming)/opinions", body: #"{"text":"Đã góp ý dự thảo"}"#, denied: .auditor, allowed: .delegate),
            Case(method: .get, path: "/api/v1/me/queue", denied: nil, allowed: .delegate),
            Case(method: .post, path: "\(incoming)/forward", body: #"{"handler":"admin","text":"Chuyển đồng chí Chánh Văn phòng"}"#, denied: .delegate, allowed: .clerk),
            Case(method: .post, path: "/api/v1/outgoing", body: #"{"register":"TU","type":"CV","summary":"Trả lời về chuyển đổi số","answers":"{incoming}"}"#, denied: .delegate, allowed: .clerk, success: .created),
            Case(method: .post, path: "\(incoming)/done", body: #"{"answer":"{outgoing}"}"#, denied: .delegate, allowed: .clerk),
            Case(method: .post, path: "/api/v1/entries/{outgoing}/withdrawal", body: #"{"reason":"Ban hành nhầm"}"#, denied: .chair, allowed: .clerk),
            Case(method: .get, path: "/api/v1/reports/incoming/overdue?asOf=2031-01-01", denied: .delegate, allowed: .chair),
            Case(method: .get, path: "/api/v1/search?q=chuyen+doi+so", denied: nil, allowed: .delegate),
        ]
    }

    /// A filing plan of year 2000 (so a dossier closed then is due for disposal today), two
    /// dossiers, a hold, the disposal of one and the transfer of the other.
    static func dossierCases(document: String) -> [Case] {
        let plan = #"{"unit":"VPTU","year":2000,"headings":[{"code":"01","title":"Hồ sơ ngắn hạn","retention":"1"},{"code":"02","title":"Hồ sơ hội nghị","retention":"permanent"}]}"#
        let short = "/api/v1/dossiers/2000.01.HS1"
        let kept = "/api/v1/dossiers/2000.02.HS1"
        return [
            Case(method: .post, path: "/api/v1/filing-plans", body: plan, denied: .delegate, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/filing-plans?unit=VPTU&year=2000", denied: .delegate, allowed: .auditor),
            Case(method: .post, path: "/api/v1/filing-plans/{filingPlan}/approval", denied: .clerk, allowed: .chair),
            Case(method: .post, path: "/api/v1/dossiers", body: #"{"unit":"VPTU","year":2000,"heading":"01","title":"Công văn","openedOn":"2000-01-03"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .post, path: "/api/v1/dossiers", body: #"{"unit":"VPTU","year":2000,"heading":"02","title":"Hội nghị","openedOn":"2000-01-03"}"#, denied: .delegate, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/dossiers", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: short, denied: .delegate, deniedStatus: .notFound, allowed: .auditor),
            Case(method: .post, path: "\(short)/documents", body: #"{"entry":"{incoming}"}"#, denied: .auditor, allowed: .clerk),
            Case(method: .post, path: "\(kept)/documents", body: #"{"document":"\#(document)"}"#, denied: .chair, allowed: .clerk),
            Case(method: .post, path: "\(short)/retention", body: #"{"retention":"2","reason":"Cần đối chiếu"}"#, denied: .auditor, allowed: .clerk),
            Case(method: .post, path: "\(short)/closure", body: #"{"closedOn":"2000-06-30"}"#, denied: .delegate, allowed: .clerk),
            Case(method: .post, path: "\(kept)/closure", body: #"{"closedOn":"2000-06-30"}"#, denied: .chair, allowed: .clerk),
            Case(method: .post, path: "/api/v1/holds", body: #"{"dossiers":["2000.01.HS1"],"reason":"Thanh tra"}"#, denied: .auditor, allowed: .clerk, success: .created),
            Case(method: .post, path: "/api/v1/holds/{hold}/release", body: #"{"reason":"Kết thúc thanh tra"}"#, denied: .delegate, deniedStatus: .notFound, allowed: .clerk),
            Case(method: .get, path: "/api/v1/reports/dossiers/due-for-disposal", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/reports/dossiers/due-for-transfer", denied: .delegate, allowed: .auditor),
            Case(method: .post, path: "/api/v1/disposals", body: #"{"dossiers":["2000.01.HS1"],"reason":"Hết thời hạn bảo quản"}"#, denied: .clerk, allowed: .chair, success: .created),
            Case(method: .post, path: "/api/v1/transfers", body: #"{"dossiers":["2000.02.HS1"]}"#, denied: .chair, allowed: .clerk, success: .created),
            Case(method: .get, path: "/api/v1/archive-pack?dossiers=2000.02.HS1", denied: .delegate, allowed: .auditor),
            Case(method: .get, path: "/api/v1/search/dossiers?q=hoi+nghi", denied: nil, allowed: .auditor),
        ]
    }

    @Test func everyRouteAnswers401Then403Then2xx() async throws {
        let fixture = try await HTTPFixture()
        let document = try await fixture.store.addDocument(Data("signed content".utf8))
        _ = try await fixture.store.docket.documents.sign(document.id, as: fixture.store.clerk)
        let session = try await fixture.sampleSession()
        try await fixture.application.test(.router) { client in
            for template in Self.cases(document: document.id, session: session.id) {
                var route = template
                route.path = try await fixture.fillIn(template.path, session: session.id)
                if let body = template.body { route.body = try await fixture.fillIn(body, session: session.id) }
                let body = route.body.map { ByteBuffer(string: $0) }
                try await client.execute(uri: route.path, method: route.method, body: body) { response in
                    #expect(response.status == .unauthorized, "\(route) without a token")
                    #expect(response.errorBody?.code == "unauthenticated", "\(route)")
                }
                var badToken = HTTPFields()
                badToken[.authorization] = "Bearer dkt_not-a-real-token"
                try await client.execute(uri: route.path, method: route.method, headers: badToken, body: body) { response in
                    #expect(response.status == .unauthorized, "\(route) with a bad token")
                }
                if let denied = route.denied {
                    try await client.execute(uri: route.path, method: route.method, headers: fixture.headers(denied), body: body) { response in
                        #expect(response.status == route.deniedStatus, "\(route) as \(denied)")
                        #expect(response.errorBody != nil, "\(route) as \(denied) has an error body")
                    }
                }
                try await client.execute(uri: route.path, method: route.method, headers: fixture.headers(route.allowed), body: body) { response in
                    #expect(response.status == route.success, "\(route) as \(route.allowed): \(String(buffer: response.body))")
                }
            }
        }
    }

    @Test func healthAndLoginNeedNoToken() async throws {
        let fixture = try await HTTPFixture()
        try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post,
                body: ByteBuffer(string: #"{"username":"clerk","password":"clerk-password"}"#)
            ) { response in
                #expect(response.status == .created)
                let token = try #require(try response.json()["token"] as? String)
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                try await client.execute(uri: "/api/v1/me", method: .get, headers: headers) { me in
                    let json = try me.json()
                    #expect(json["username"] as? String == "clerk")
                    #expect(json["passwordHash"] == nil)
                }
            }
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post,
                body: ByteBuffer(string: #"{"username":"clerk","password":"nope"}"#)
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.errorBody?.message == "wrong username or password")
            }
        }
    }

    @Test func anAuditorsAttemptToChangeChangesNothing() async throws {
        let fixture = try await HTTPFixture()
        let before = try await fixture.store.docket.auditLog.list(AuditFilter(), page: .first, as: fixture.store.admin).total
        try await fixture.application.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/documents?filename=x.txt", method: .post, headers: fixture.headers(.auditor),
                body: ByteBuffer(string: "data")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/users", method: .post, headers: fixture.headers(.auditor),
                body: ByteBuffer(string: #"{"username":"x","roles":["admin"]}"#)
            ) { #expect($0.status == .forbidden) }
        }
        let after = try await fixture.store.docket.auditLog.list(AuditFilter(), page: .first, as: fixture.store.admin).total
        #expect(before == after)
        let blobs = try fixture.store.storedBlobs()
        #expect(blobs.files == [] && blobs.small == 0)
    }

    @Test func badInputIs422WithTheField() async throws {
        let fixture = try await HTTPFixture()
        try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/api/v1/documents?limit=abc", method: .get, headers: fixture.headers(.clerk)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorBody?.field == "limit")
            }
            try await client.execute(
                uri: "/api/v1/documents?filename=a.txt&classification=ultra", method: .post, headers: fixture.headers(.clerk),
                body: ByteBuffer(string: "x")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorBody?.field == "classification")
            }
            try await client.execute(
                uri: "/api/v1/users", method: .post, headers: fixture.headers(.admin),
                body: ByteBuffer(string: #"{"username":"x","roles":["king"]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorBody?.field == "roles")
            }
            try await client.execute(uri: "/api/v1/documents/doc-nope", method: .get, headers: fixture.headers(.admin)) { response in
                #expect(response.status == .notFound)
                #expect(response.errorBody?.code == "not_found")
            }
        }
    }
}
