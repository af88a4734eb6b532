import DocketCore
import DocketPostgres
import DocketTestSupport
import Foundation
import Testing

/// The PostgreSQL backend's own parts: its migrations, its address, its errors. What it stores is
/// checked by the conformance suite (every storage test of DocketServicesTests runs on both backends).
@Suite(.enabled(if: Backend.all.contains(.postgres), "needs PostgreSQL's binaries (see the loud note above)"))
struct PostgresStorageTests {
    static let migrations = ["0001-schema", "0002-search"]

    @Test func migrationsRunOnceEvenFromFourProcessesAtOnceAndANewerSchemaIsRefused() async throws {
        let server = try PostgresServer.shared.get()
        let url = try server.createDatabase()
        // Four storages opening a new database at once: the migration lock lets one migrate.
        let opened = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { try PostgresStorage(url: url).appliedMigrations() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(opened.allSatisfy { $0 == Self.migrations })
        let name = String(url.split(separator: "/").last ?? "")
        #expect(try server.psql(name, "SELECT count(*) FROM docket_migrations").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        #expect(try server.psql(name, "INSERT INTO docket_migrations (identifier) VALUES ('9999-future')").status == 0)
        let refused = thrownError { _ = try PostgresStorage(url: url) }
        #expect(refused?.kind == .init(.conflict, "database"))
        #expect(refused?.message.contains("9999-future") == true)
    }

    @Test(arguments: [
        ("mysql://docket@localhost/docket", "postgres://USER@HOST"),
        ("postgres://localhost/docket", "names no user"),
        ("postgres://docket@localhost/", "names no database"),
        ("postgres://docket@localhost/docket?sslmode=maybe", "sslmode is disable, prefer or require"),
    ])
    func aBadURLNamesTheField(url: String, message: String) {
        let error = thrownError { _ = try PostgresAddress(url) }
        #expect(error?.kind == .init(.invalidInput, "database"))
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func aPasswordIsNeverShown() throws {
        let address = try PostgresAddress("postgres://docket:s3cret-pass@db.example.vn:5433/docket")
        #expect(!address.description.contains("s3cret") && address.description.contains("***"))
        let refused = thrownError { _ = try PostgresAddress("mysql://docket:s3cret-pass@db/docket") }
        #expect(refused?.message.contains("s3cret") == false)
    }

    @Test func aServerNobodyRunsIsNamedNotCrashedOn() throws {
        let port = try freeLoopbackPort()
        let error = thrownError { _ = try PostgresStorage(url: "postgres://docket:s3cret@127.0.0.1:\(port)/docket") }
        #expect(error?.kind == .init(.internalError, "database"))
        #expect(error?.message.contains("cannot connect to PostgreSQL at postgres://docket:***@127.0.0.1:\(port)/docket") == true)
        #expect(error?.message.contains("s3cret") == false)
    }
}
