import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// The `docket` binary on PostgreSQL: several servers on one database, and a SQLite store moved there.
@Suite(.enabled(if: Backend.all.contains(.postgres), "needs PostgreSQL's binaries (see the loud note above)"))
struct PostgresTests {
    /// A workspace whose every command and server uses a new database on the tests' server.
    static func workspace() throws -> (docket: DocketBinary, url: String) {
        let url = try PostgresServer.shared.get().createDatabase()
        var docket = try DocketBinary(user: "admin")
        docket.environment["DOCKET_DATABASE_URL"] = url
        return (docket, url)
    }

    static func psql(_ url: String, _ sql: String) throws -> String {
        let result = try PostgresServer.shared.get().psql(String(url.split(separator: "/").last ?? ""), sql)
        #expect(result.status == 0, "psql: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func twoServersOnOneDatabaseLoseNoCheckInDoubleNoneAndNumberWithoutGaps() async throws {
        let (docket, url) = try Self.workspace()
        let made = try docket.json(try docket.ok("init", "--org", "Văn phòng Tỉnh ủy", "--json"))
        let adminToken = try #require(made["token"] as? String)
        // 120 delegates with tokens, invited to an open session, written through the library.
        let store = try Docket.open(DataDirectory(docket.workspace.file("data"), databaseURL: url))
        let admin = try await store.users.actingUser("admin")
        var tokens: [String] = []
        for index in 0..<120 {
            _ = try await store.users.add(NewUser(username: "daibieu\(index)", roles: [.delegate]), as: admin)
            tokens.append(try await store.users.createToken(for: "daibieu\(index)", expiresInDays: 1, as: admin).token)
        }
        _ = try await store.sessions.createBody(NewBody(name: "Hội nghị", code: "HN", numbering: .state), as: admin)
        let session = try await store.sessions.create(NewSession(body: "HN", title: "Hội nghị", startsAt: Date()), as: admin)
        for index in 0..<120 { _ = try await store.sessions.invite(session.id, user: "daibieu\(index)", role: .member, as: admin) }
        _ = try await store.sessions.advance(session.id, to: .scheduled, as: admin)
        _ = try await store.sessions.advance(session.id, to: .open, as: admin)
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming")

        let servers = [try DocketServer(docket), try DocketServer(docket)]
        let delegateTokens = tokens
        let failures = Failures()
        // Every delegate checks in once, half through each server, while 40 incoming documents are
        // registered through both: numbers and the audit chain are taken by two processes at once.
        DispatchQueue.concurrentPerform(iterations: 160) { index in
            do {
                let server = servers[index % 2]
                if index < 120 {
                    let reply = try server.request("POST", "/api/v1/sessions/\(session.id)/check-in", token: delegateTokens[index])
                    if reply.status != 200 { failures.add("check-in \(index): HTTP \(reply.status) \(reply.text)") }
                } else {
                    let json = #"{"sender":"Sở Nội vụ","senderSymbol":"\#(index)-CV/SNV","summary":"Công văn số \#(index)"}"#
                    let reply = try server.request("POST", "/api/v1/incoming", token: adminToken, json: json)
                    if reply.status != 201 { failures.add("incoming \(index): HTTP \(reply.status) \(reply.text)") }
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        // Counted by psql, not by Docket: each delegate present once, one check-in event each.
        #expect(try Self.psql(url, "SELECT count(*) FROM participant WHERE sessionid = '\(session.id)' AND status = 'present'") == "120")
        #expect(
            try Self.psql(url, "SELECT count(*), count(DISTINCT actor) FROM auditevent WHERE action = 'session.check-in'") == "120|120")
        let numbers = try Self.psql(url, "SELECT string_agg(number::text, ',' ORDER BY number) FROM registerentry WHERE kind = 'incoming'")
        #expect(numbers == (1...40).map(String.init).joined(separator: ","), "\(numbers)")
        #expect(try Self.psql(url, "SELECT count(*) = max(sequence) FROM auditevent") == "t", "the chain has no gap")
        let verified = try docket.ok("audit", "verify")
        #expect(verified.stdout.contains("intact"), "\(verified.stdout)")
        _ = try docket.ok("store", "check")
        _ = try docket.ok("register", "gaps", "--register", "DEN")
    }

    @Test func aSQLiteStoreMovedToPostgresVerifiesAndServesAndAnUsedDatabaseIsRefused() throws {
        // A store made on SQLite the usual way.
        let docket = try DocketBinary(user: "admin")
        _ = try docket.ok("init", "--org", "Văn phòng Tỉnh ủy")
        _ = try docket.ok("user", "add", "lan", "--roles", "clerk", "--clearance", "secret")
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming", as: "lan")
        let small = try docket.workspace.write(Data("Về việc chuyển đổi số trong các cơ quan Đảng".utf8), to: "cv.txt")
        _ = try docket.ok(
            "incoming", "register", small, "--sender", "Tỉnh ủy Hà Giang", "--sender-symbol", "12-CV/TU",
            "--summary", "Về việc chuyển đổi số trong các cơ quan Đảng", as: "lan")
        let large = try docket.workspace.write(sampleBytes(200_000, seed: 7), to: "large.pdf")
        _ = try docket.ok("doc", "add", large, as: "lan")
        let url = try PostgresServer.shared.get().createDatabase()
        let data = docket.workspace.file("data")

        let refusedActor = try docket.run("migrate-store", "--from", "sqlite:\(data)", "--to", url, as: "lan")
        #expect(refusedActor.status == 5, "only admins: \(refusedActor.stderr)")
        #expect(try Self.psql(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") == "0", "nothing made")

        let moved = try docket.json(try docket.ok("migrate-store", "--from", "sqlite:\(data)", "--to", url, "--json"))
        let rows = try #require(moved["rows"] as? [String: Int])
        #expect(rows["registerEntry"] == 1 && rows["document"] == 2 && rows["user"] == 2, "\(moved)")
        #expect(try Self.psql(url, "SELECT count(*) FROM smallblob") == "1")

        // The same directory (keys, blobs) on PostgreSQL: checked by the binary and by psql.
        var onPostgres = docket
        onPostgres.environment["DOCKET_DATABASE_URL"] = url
        #expect(try onPostgres.ok("audit", "verify").stdout.contains("intact"))
        #expect(try onPostgres.ok("store", "check").stdout.contains("All blobs intact"))
        let found = try onPostgres.ok("search", "chuyen doi so dang", as: "lan")
        #expect(found.stdout.contains("12-CV/TU") || found.stdout.contains("1/"), "\(found.stdout)")
        let sqliteEvents = try Command.output("sqlite3", [data + "/docket.sqlite", "SELECT count(*), max(hash) FROM auditEvent"])
        let postgresEvents = try Self.psql(url, "SELECT count(*), max(hash) FROM auditevent")
        #expect(sqliteEvents.trimmingCharacters(in: .whitespacesAndNewlines) == postgresEvents)
        let server = try DocketServer(onPostgres)
        let token = try onPostgres.json(try onPostgres.ok("token", "create", "lan", "--json", as: "admin"))["token"] as? String
        #expect(try server.request("GET", "/api/v1/search?q=chuyen%20doi%20so", token: token).status == 200)

        // A database that holds anything is refused, and keeps what it held.
        let again = try docket.run("migrate-store", "--from", "sqlite:\(data)", "--to", url)
        #expect(again.status == 6 && again.stderr.contains("not empty"), "\(again.stderr)")
        #expect(try Self.psql(url, "SELECT count(*) FROM registerentry") == "1")
        // And `init` into a database that already holds a store changes nothing.
        var other = try DocketBinary(user: "admin")
        other.environment["DOCKET_DATABASE_URL"] = url
        let initAgain = try other.run("init")
        #expect(initAgain.status == 6 && initAgain.stderr.contains("already holds a Docket store"), "\(initAgain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other.workspace.file("data")))
        #expect(try Self.psql(url, "SELECT count(*) FROM \"user\"") == "2")
    }
}
