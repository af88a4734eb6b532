import DocketTestSupport
import Foundation
import Testing

/// The findings of probing the release server as an attacker would, each replayed over HTTP
/// against `docket serve` on a store the CLI set up.
@Suite struct SecurityRegressionTests {
    static let kelvinKiem = "\u{212A}iem"
    static let decomposedHung = "hu\u{0300}ng2"

    /// A store with an admin token, users of every kind, and a running server.
    struct Office: Sendable {
        let docket: DocketBinary
        let server: DocketServer
        let admin: String
        /// When the admin token `init` printed expires.
        let adminExpiresAt: String?

        init() throws {
            docket = try DocketBinary(user: "admin")
            let made = try docket.json(try docket.ok("init", "--org", "Văn phòng Tỉnh ủy", "--json"))
            admin = try #require(made["token"] as? String)
            adminExpiresAt = made["expiresAt"] as? String
            _ = try docket.ok("agency", "create", "--code", "BTC", "--name", "Ban Tổ chức")
            try docket.add("kiem", "--roles", "auditor", "--clearance", "top-secret")
            try docket.add("đạt", "--roles", "admin")
            try docket.add("hùng2", "--roles", "admin")
            try docket.add("lan", "--roles", "clerk", "--clearance", "secret", password: "lan-password")
            try docket.add("mai", "--roles", "delegate", "--agency", "btc", password: "mai-password")
            server = try DocketServer(docket)
        }

        /// A draft session of a new body BCĐ, made by the clerk lan; its id.
        func draftSession() throws -> String {
            _ = try docket.ok("body", "create", "--name", "Ban Chỉ đạo", "--code", "BCĐ", "--term", "2020-2025", as: "lan")
            let made = try docket.ok(
                "session", "create", "--body", "BCĐ", "--title", "Phiên họp", "--starts-at", "2025-03-10T08:00+07:00", "--json",
                as: "lan")
            return try #require(try docket.json(made)["id"] as? String)
        }

        func token(_ user: String, days: Int? = nil) throws -> String {
            let arguments = ["token", "create", user] + (days.map { ["--expires-in-days", String($0)] } ?? [])
            let result = try docket.run(arguments)
            #expect(result.status == 0, "token create \(user): \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func namesThatLookAlikeOrDifferInFormAreOneIdentityOrRefused() throws {
        let office = try Office()
        let server = office.server
        // The agency typed in lower case is stored under its own code.
        #expect(try office.docket.ok("user", "list", "--json").stdout.contains(#""agency" : "BTC""#))

        for (name, code, field, words) in [
            (Self.kelvinKiem, "invalid_input", "username", ["U+212A", "position 1"]),
            ("ki\u{200D}em", "invalid_input", "username", ["U+200D", "position 3"]),
            ("mai\u{202E}exe", "invalid_input", "username", ["U+202E", "position 4"]),
            ("\u{FF4D}ai", "invalid_input", "username", ["U+FF4D", "position 1"]),
            (Self.decomposedHung, "conflict", "username", ["hùng2"]),
            ("Đạt", "conflict", "username", ["Đạt"]),
            ("KIEM", "conflict", "username", ["KIEM"]),
        ] {
            let reply = try server.request(
                "POST", "/api/v1/users", token: office.admin, json: #"{"username":"\#(name)","roles":["admin"]}"#)
            #expect(reply.error?.code == code && reply.error?.field == field, "\(name): \(reply.text)")
            for word in words { #expect(reply.text.contains(word), "\(name): \(reply.text)") }
        }

        // A delegate names the auditor and two admins in other spellings: each is someone else.
        let mai = try office.token("mai")
        for name in [Self.kelvinKiem, Self.decomposedHung, "Đạt", "KIEM"] {
            let reply = try server.request("POST", "/api/v1/users/\(Self.encoded(name))/tokens", token: mai, json: "{}")
            #expect(reply.status == 403 && reply.error?.code == "forbidden", "\(name): \(reply.text)")
        }
        let own = try server.request("POST", "/api/v1/users/MAI/tokens", token: mai, json: "{}")
        #expect(own.status == 201, "\(own.text)")
        let minted = try own.json()["token"] as? String
        let me = try server.request("GET", "/api/v1/me", token: minted)
        #expect(try me.json()["username"] as? String == "mai")
        let events = try office.docket.ok("audit", "list", "--json", "--limit", "1000", as: "kiem").stdout
        #expect(events.components(separatedBy: "\"token.create\"").count - 1 == 3, "admin and mai twice: \(events)")
    }

    @Test func duplicateAndMalformedStoredRowsNeverStopTheServer() throws {
        let office = try Office()
        let docket = office.docket
        let composed = "BTĐÔ"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        _ = try docket.ok("agency", "create", "--code", composed, "--name", "Ban Tuyên giáo")
        _ = try docket.ok("plan", "create", "--symbol", "05-KH/TU", "--title", "Kế hoạch")
        _ = try docket.ok(
            "task", "add", "--plan", "05-KH/TU", "--code", "1.1", "--title", "Việc", "--lead", composed, "--deadline", "2025-06-30",
            "--assigned", "2025-01-02")
        let database = docket.workspace.file("data/docket.sqlite")
        func sql(_ statement: String) throws {
            let result = try Command.run("sqlite3", [database, statement])
            #expect(result.status == 0, "\(statement): \(result.stderr)")
        }
        // What the old schema let in: the same code in another Unicode form, leading a task.
        try sql(
            """
            INSERT INTO agency (code, name, createdAt) VALUES ('\(decomposed)', 'Ban Tuyên giáo (bản sao)', '2025-01-01T00:00:00.000Z');
            INSERT INTO task SELECT 'tsk_dup', planID, '1.2', title, description, sourceSymbol, NULL, NULL, "group", phase,
              '\(decomposed)', coordinatingAgencies, assigneeID, assignedOn, originalDeadline, deadline, "key", status,
              completedOn, evidence, cancelReason, percent, createdBy, createdAt, NULL FROM task;
            """)
        let reports = [
            "/api/v1/reports/agencies", "/api/v1/reports/tasks", "/api/v1/reports/tasks?by=agency&asOf=2025-12-31",
            "/api/v1/reports/tasks/overdue?asOf=2025-12-31", "/api/v1/agencies", "/api/v1/tasks", "/api/v1/plans",
        ]
        let kiem = try office.token("kiem")
        for path in reports {
            let reply = try office.server.request("GET", path, token: kiem)
            #expect(reply.status == 200, "\(path): \(reply.status) \(reply.text)")
        }

        // Rows no version of Docket writes: unknown status, role and classification, broken JSON,
        // NULL where a value belongs, dates that are not dates.
        try sql(
            """
            INSERT INTO taskEvent (taskID, sequence, kind, effectiveOn, status, documents, recordedBy, recordedAt)
              VALUES ('tsk_dup', 9, 'status', '2025-02-01', 'bogus', '[]', 'x', '2025-02-01T00:00:00.000Z');
            INSERT INTO taskEvent (taskID, sequence, kind, effectiveOn, status, documents, recordedBy, recordedAt)
              VALUES ('tsk_dup', 10, 'status', 'yesterday', NULL, 'not json', 'x', 'never');
            INSERT INTO user (id, username, roles, clearance, disabled, createdAt) VALUES ('usr_bad', 'bad', 'overlord', 'ultra', 0, 'never');
            INSERT INTO document (id, title, filename, mediaType, size, sha256, classification, createdBy, createdAt)
              SELECT 'doc_bad', 'x', 'x', 'x', 0, printf('%064d', 0), 'ultra', id, 'never' FROM user WHERE username = 'admin';
            INSERT INTO body (id, name, code, numbering, term, createdAt) VALUES ('bod_bad', 'x', 'X', 'party', '', 'never');
            INSERT INTO session (id, bodyID, number, title, startsAt, state, createdBy, createdAt)
              VALUES ('ses_bad', 'bod_bad', 1, 'x', 'never', 'limbo', 'usr_bad', 'never');
            INSERT INTO agendaItem (id, sessionID, position, title, status, documentIDs) VALUES ('agi_bad', 'ses_bad', 1, 'x', 'pending', 'not json');
            """)
        let everything = reports + [
            "/api/v1/users", "/api/v1/documents", "/api/v1/sessions", "/api/v1/sessions/ses_bad", "/api/v1/sessions/ses_bad/agenda",
            "/api/v1/sessions/ses_bad/attendance", "/api/v1/sessions/ses_bad/pack", "/api/v1/bodies", "/api/v1/register?body=X",
            "/api/v1/audit/events", "/api/v1/audit/verification", "/api/v1/tasks/tsk_dup", "/api/v1/me/notices",
        ]
        for path in everything {
            for token in [office.admin, kiem] {
                let reply = try office.server.request("GET", path, token: token)
                #expect((200..<600).contains(reply.status), "\(path) got no answer")
                #expect(office.server.isRunning, "the server stopped at \(path)")
            }
        }
        #expect(try office.server.request("GET", "/healthz").status == 200)
    }

    @Test func aWithheldDocumentLeavesNoTraceForTheDelegate() throws {
        let office = try Office()
        let docket = office.docket
        _ = try docket.ok("body", "create", "--name", "Ban Chỉ đạo", "--code", "BCĐ", "--term", "2020-2025", as: "lan")
        let session = try #require(
            docket.json(
                try docket.ok("session", "create", "--body", "BCĐ", "--title", "Phiên họp thứ nhất", "--starts-at", "2025-03-10T08:00+07:00", "--json", as: "lan"))["id"] as? String)
        let open = try docket.workspace.write(sampleBytes(2_000, seed: 1), to: "to-trinh.pdf")
        let secret = try docket.workspace.write(sampleBytes(2_000, seed: 2), to: "bao-cao-mat.pdf")
        let openID = try #require(docket.json(try docket.ok("doc", "add", open, "--title", "Tờ trình", "--json", as: "lan"))["id"] as? String)
        let secretJSON = try docket.json(
            try docket.ok("doc", "add", secret, "--title", "Báo cáo mật", "--classification", "secret", "--json", as: "lan"))
        let secretID = try #require(secretJSON["id"] as? String)
        let secretHash = try #require(secretJSON["sha256"] as? String)
        _ = try docket.ok("session", "invite", session, "mai", as: "lan")
        _ = try docket.ok("session", "item", "add", session, "--title", "Khai mạc", "--doc", openID, as: "lan")
        _ = try docket.ok("session", "item", "add", session, "--title", "Nhân sự", "--doc", secretID, "--doc", openID, as: "lan")
        _ = try docket.ok("session", "advance", session, "scheduled", as: "lan")

        let mai = try office.token("mai")
        let traces = [secretID, "Báo cáo mật", "bao-cao-mat", secretHash]
        for path in ["agenda", "agenda/versions", "pack"] {
            let reply = try office.server.request("GET", "/api/v1/sessions/\(session)/\(path)", token: mai)
            #expect(reply.status == 200, "\(path): \(reply.text)")
            for trace in traces { #expect(!reply.text.contains(trace), "\(path) mentions \(trace)") }
        }
        let agenda = try office.server.request("GET", "/api/v1/sessions/\(session)/agenda", token: mai)
        let items = try #require(try agenda.json()["items"] as? [[String: Any]])
        #expect(items.map { $0["withheldMaterial"] as? Bool } == [false, true])
        #expect(((items[1]["item"] as? [String: Any])?["documentIDs"] as? [String]) == [openID])
        // Her document list holds what she may open, though she uploaded nothing.
        let listed = try office.server.request("GET", "/api/v1/documents", token: mai)
        #expect(try listed.json()["total"] as? Int == 2, "the document and her invitation: \(listed.text)")
        #expect(listed.text.contains(openID) && listed.text.contains("01-GM/BCĐ"), "\(listed.text)")
        let clerk = try office.server.request("GET", "/api/v1/sessions/\(session)/agenda", token: try office.token("lan"))
        #expect(clerk.text.contains(secretID))
    }

    @Test func tokensCannotOutliveTheirGrantAndSignInIsThrottledAndAudited() throws {
        let office = try Office()
        let server = office.server
        let firstAdmin = try server.request("GET", "/api/v1/me", token: office.admin)
        #expect(firstAdmin.status == 200)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let first = try #require(office.adminExpiresAt.flatMap(formatter.date(from:)))
        #expect(abs(first.timeIntervalSinceNow - 7 * 86400) < 120, "the token init prints lives 7 days")
        let made = try office.docket.json(try office.docket.ok("token", "create", "admin", "--json"))
        let expires = try #require((made["expiresAt"] as? String).flatMap(formatter.date(from:)))
        #expect(abs(expires.timeIntervalSinceNow - 30 * 86400) < 120, "the next admin token lives 30 days")

        let login = try server.request("POST", "/api/v1/auth/login", json: #"{"username":"lan","password":"lan-password"}"#)
        #expect(login.status == 201, "\(login.text)")
        let twelveHours = try #require(try login.json()["token"] as? String)
        let longer = try server.request("POST", "/api/v1/users/lan/tokens", token: twelveHours, json: #"{"expiresInDays":30}"#)
        #expect(longer.status == 422 && longer.error?.field == "expiresInDays", "\(longer.text)")
        let bounded = try server.request("POST", "/api/v1/users/lan/tokens", token: twelveHours, json: "{}")
        #expect(bounded.status == 201)
        let boundedEnd = try bounded.json()["expiresAt"] as? String
        let loginEnd = try login.json()["expiresAt"] as? String
        #expect(boundedEnd == loginEnd, "\(boundedEnd ?? "-") is not \(loginEnd ?? "-")")

        let kiem = try office.token("kiem")
        let decade = try server.request("POST", "/api/v1/users/kiem/tokens", token: kiem, json: #"{"expiresInDays":3650}"#)
        #expect(decade.status == 422 && decade.error?.field == "expiresInDays" && decade.text.contains("1 to 30 days"), "\(decade.text)")
        let cli = try office.docket.run("token", "create", "kiem", "--expires-in-days", "3650")
        #expect(cli.status == 2 && cli.stderr.contains("[expiresInDays]"), "\(cli.stderr)")

        for attempt in 1...5 {
            let wrong = try server.request("POST", "/api/v1/auth/login", json: #"{"username":"lan","password":"guess-\#(attempt)"}"#)
            #expect(wrong.status == 401, "attempt \(attempt): \(wrong.text)")
        }
        let held = try server.request("POST", "/api/v1/auth/login", json: #"{"username":"lan","password":"lan-password"}"#)
        #expect(held.status == 429 && held.error?.code == "too_many_requests", "\(held.text)")
        #expect(held.headers.lowercased().contains("retry-after: 1"), "\(held.headers)")
        let database = office.docket.workspace.file("data/docket.sqlite")
        let failures = try Command.run("sqlite3", [database, "SELECT details FROM auditEvent WHERE action = 'auth.login-failed'"])
        #expect(failures.status == 0)
        #expect(failures.stdout.split(separator: "\n").count == 5 && failures.stdout.contains("wrong password"))
        #expect(!failures.stdout.contains("guess-"), "no password in the audit log")
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try server.request("POST", "/api/v1/auth/login", json: #"{"username":"lan","password":"lan-password"}"#).status == 201)

        // The request log names routes, not what the query string says about a secret upload.
        let file = try office.docket.workspace.write(sampleBytes(100), to: "upload.bin")
        let upload = try server.request(
            "POST", "/api/v1/documents?filename=bi-mat-nhan-su.pdf&title=K%E1%BA%BF+ho%E1%BA%A1ch+nh%C3%A2n+s%E1%BB%B1&classification=secret",
            token: try office.token("lan"), file: file, contentType: "application/pdf")
        #expect(upload.status == 201, "\(upload.text)")
        // One line per request, with the actor, written a moment after the response.
        let line = try server.logLine(containing: "route=/api/v1/documents ")
        for field in ["method=POST", "status=201", "actor=lan", "ms="] { #expect(line.contains(field), "\(line)") }
        let log = try String(contentsOfFile: server.log, encoding: .utf8)
        for secret in ["bi-mat-nhan-su", "filename=", "title=", "K%E1%BA%BF", "Kế hoạch"] {
            #expect(!log.contains(secret), "the log holds \(secret)")
        }
    }

    @Test func smallOnesFoundOnTheWay() throws {
        let office = try Office()
        let server = office.server
        let lan = try office.token("lan")
        func upload(_ query: String) throws -> DocketServer.Reply {
            let file = try office.docket.workspace.write(Data("nội dung".utf8), to: "upload-\(UUID().uuidString)")
            return try server.request("POST", "/api/v1/documents?\(query)", token: lan, file: file, contentType: "text/plain")
        }
        for name in [".", "..", "exe%E2%80%AEfdp.pdf"] {
            let reply = try upload("filename=\(name)")
            #expect(reply.status == 422 && reply.error?.field == "filename", "\(name): \(reply.text)")
        }
        #expect(try upload("filename=a.txt&title=Gi%E1%BA%A3m+50%25+chi+ph%C3%AD").status == 201)
        #expect(try upload("filename=b.txt&title=K%E1%BA%BF+ho%E1%BA%A1ch+n%C4%83m").status == 201)
        for (query, total) in [("title=%25", 1), ("title=0%25+c", 1), ("title=_", 0), ("title=K%E1%BA%BF+ho%E1%BA%A1ch", 1)] {
            let reply = try server.request("GET", "/api/v1/documents?\(query)", token: lan)
            #expect(try reply.json()["total"] as? Int == total, "\(query): \(reply.text)")
        }

        _ = try office.docket.ok("body", "create", "--name", "Ban Chỉ đạo", "--code", "BCĐ", "--term", "2020-2025", as: "lan")
        let session = try server.request(
            "POST", "/api/v1/sessions", token: lan, json: #"{"body":"bcđ","title":"Phiên họp","startsAt":"2025-03-10T08:00+07:00"}"#)
        let id = try #require(try session.json()["id"] as? String, "\(session.text)")
        #expect(try server.request("POST", "/api/v1/sessions/\(id)/agenda", token: lan, json: #"{"title":"Khai mạc"}"#).status == 201)
        for position in ["0", "3", "4611686018427387904"] {
            let reply = try server.request(
                "POST", "/api/v1/sessions/\(id)/agenda", token: lan, json: #"{"title":"Bế mạc","position":\#(position)}"#)
            let text = reply.text
            #expect(reply.status == 422 && reply.error?.field == "position" && text.contains("1 to 2"), "position \(position): \(text)")
        }

        _ = try office.docket.ok("plan", "create", "--symbol", "05-KH/TU", "--title", "Kế hoạch", as: "lan")
        let plan = try server.request("GET", "/api/v1/plans", token: lan)
        let planID = try #require(((try plan.json()["items"] as? [[String: Any]])?.first?["id"]) as? String)
        let early = try server.request(
            "POST", "/api/v1/plans/\(planID)/tasks", token: lan,
            json: #"{"code":"1","title":"Việc","leadAgency":"BTC","assignedOn":"2025-03-01","deadline":"2025-02-01"}"#)
        #expect(early.status == 422 && early.error?.field == "deadline", "\(early.text)")

        // An export never writes over its own files, whatever the document is called.
        let named = try office.docket.workspace.write(Data("không phải chứng thư".utf8), to: "chain.pem")
        let document = try #require(try office.docket.json(try office.docket.ok("doc", "add", named, "--json", as: "lan"))["id"] as? String)
        _ = try office.docket.ok("doc", "sign", document, as: "lan")
        let out = office.docket.workspace.file("out")
        _ = try office.docket.ok("doc", "export", document, "--dir", out, as: "lan")
        #expect(try String(contentsOfFile: "\(out)/chain.pem", encoding: .utf8).hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(try String(contentsOfFile: "\(out)/chain (2).pem", encoding: .utf8) == "không phải chứng thư")
        let root = office.docket.workspace.file("root.pem")
        _ = try office.docket.ok("keys", "export-ca", "-o", root)
        let verified = try Command.run(
            "openssl",
            ["cms", "-verify", "-binary", "-inform", "DER", "-in", "\(out)/chain (2).pem.1.p7s", "-content", "\(out)/chain (2).pem",
             "-CAfile", root, "-purpose", "any", "-out", "/dev/null"])
        #expect(verified.status == 0, "\(verified.stderr)")
        let again = try office.docket.run("doc", "export", document, "--dir", out, as: "lan")
        #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again.stderr)")
    }

    @Test func aStoreWithCollidingNamesRefusesToOpenAndSaysHowToFixIt() throws {
        let docket = try DocketBinary(user: "admin")
        _ = try docket.ok("init", "--org", "Văn phòng")
        let database = docket.workspace.file("data/docket.sqlite")
        // Back to the schema before canonical names, with two spellings of one name in it.
        var undo = "DELETE FROM grdb_migrations WHERE identifier = '0006-canonical-names';"
        for (table, key) in [("user", "usernameKey"), ("agency", "codeKey"), ("body", "codeKey"), ("plan", "symbolKey")] {
            undo += "DROP INDEX \(table)_\(key); ALTER TABLE \(table) DROP COLUMN \(key);"
        }
        undo += """
            INSERT INTO user (id, username, roles, clearance, disabled, createdAt) VALUES
              ('usr_1', 'đạt', '["delegate"]', 'internal', 0, '2025-01-01T00:00:00.000Z'),
              ('usr_2', 'Đạt', '["admin"]', 'internal', 0, '2025-01-01T00:00:00.000Z');
            """
        let downgraded = try Command.run("sqlite3", [database, undo])
        #expect(downgraded.status == 0, "\(downgraded.stderr)")

        let refused = try docket.run("user", "list")
        #expect(refused.status == 6, "\(refused.stderr)")
        #expect(refused.stderr.contains("'đạt'") && refused.stderr.contains("'Đạt'") && refused.stderr.contains("UPDATE user"), "\(refused.stderr)")
        let rowid = try Command.output("sqlite3", [database, "SELECT rowid FROM user WHERE id = 'usr_2'"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(refused.stderr.contains("rowid \(rowid)"), "\(refused.stderr)")
        #expect(try Command.run("sqlite3", [database, "UPDATE user SET username = 'dat-admin' WHERE id = 'usr_2'"]).status == 0)
        let listed = try docket.ok("user", "list")
        #expect(listed.stdout.contains("dat-admin") && listed.stdout.contains("đạt"))
    }

    static func encoded(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

extension DocketBinary {
    /// Adds a user (as admin), with a password when given.
    func add(_ name: String, _ options: String..., password: String? = nil) throws {
        var arguments = ["user", "add", name] + options
        if password != nil { arguments.append("--password-stdin") }
        let result = try run(arguments, as: "admin", stdin: password.map { Data(($0 + "\n").utf8) })
        #expect(result.status == 0, "user add \(name): \(result.stderr)")
    }
}
