import DocketCore
import DocketTestSupport
import Foundation
import GRDB
import Testing

@testable import DocketSQLite

/// The schema as numbered migrations: from an empty file, and from the schema before the last one
/// with rows already in it, checked with the real `sqlite3`.
@Suite struct MigrationTests {
    static let all = [
        "0001-foundation", "0002-bodies-and-sessions", "0003-session-records", "0004-task-supervision",
        "0005-body-members", "0006-canonical-names", "0007-work-records",
        "0008-record-search", "0009-dossiers", "0010-token-revocation", "0011-auth-generation", "0012-audit-checkpoints", "0013-audit-tree", "0014-series-starts", "0015-back-entries", "0016-small-blobs",
    ]

    @Test func anEmptyFileGetsEveryMigrationAndAnIntactSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("docket.sqlite")
        let storage = try SQLiteStorage(path: path)
        #expect(try storage.appliedMigrations() == Self.all)
        #expect(try Command.output("sqlite3", [path, "PRAGMA integrity_check"]) == "ok\n")
        #expect(try Command.output("sqlite3", [path, "PRAGMA journal_mode"]) == "wal\n")
        let tables = try Command.output("sqlite3", [path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"])
        for table in ["user", "accessToken", "document", "auditEvent", "session", "notice", "task", "taskEvent", "bodyMember"] {
            #expect(tables.split(separator: "\n").contains(Substring(table)), "no table \(table)")
        }
        // Opening again applies nothing twice.
        #expect(try SQLiteStorage(path: path).appliedMigrations() == Self.all)
    }

    @Test func namesStoredBeforeCanonicalKeysGetTheirKeysAndAreFoundInAnySpelling() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("docket.sqlite")
        try Self.migrateUpTo("0005-body-members", path: path)
        let inserted = try Command.run(
            "sqlite3",
            [path, """
                INSERT INTO user (id, username, roles, clearance, disabled, createdAt)
                  VALUES ('usr_1', 'hu\u{0300}ng', '["admin"]', 'internal', 0, '2025-01-01T00:00:00.000Z');
                INSERT INTO agency (code, name, createdAt) VALUES ('BTC', 'Ban Tổ chức', '2025-01-01T00:00:00.000Z');
                INSERT INTO body (id, name, code, numbering, term, createdAt)
                  VALUES ('bod_1', 'Ban Chỉ đạo', 'BCĐ', 'party', '2020-2025', '2025-01-01T00:00:00.000Z');
                """])
        #expect(inserted.status == 0, "\(inserted.stderr)")

        let storage = try SQLiteStorage(path: path)
        #expect(try storage.appliedMigrations() == Self.all)
        let keys = try Command.output("sqlite3", [path, "SELECT usernameKey FROM user; SELECT codeKey FROM agency; SELECT codeKey FROM body"])
        #expect(keys == "hùng\nbtc\nbcđ\n")
        let found = try await storage.read { reader in
            (try reader.user(username: "HÙNG")?.id, try reader.agency(code: "btc")?.code, try reader.body(code: "bcđ")?.id)
        }
        #expect(found.0 == "usr_1" && found.1 == "BTC" && found.2 == "bod_1")
        // The unique key now refuses a second spelling.
        let second = try Command.run("sqlite3", [path, "INSERT INTO agency (code, name, createdAt, codeKey) VALUES ('btc', 'x', 'x', 'btc')"])
        #expect(second.status != 0 && second.stderr.contains("UNIQUE constraint failed: agency.codeKey"), "\(second.stderr)")
    }

    @Test func namesThatAlreadyCollideStopTheMigrationAndChangeNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("docket.sqlite")
        try Self.migrateUpTo("0005-body-members", path: path)
        let inserted = try Command.run(
            "sqlite3",
            [path, """
                INSERT INTO agency (code, name, createdAt) VALUES ('BTĐÔ', 'one', 'x'), ('\("BTĐÔ".decomposedStringWithCanonicalMapping)', 'two', 'x');
                """])
        #expect(inserted.status == 0, "\(inserted.stderr)")
        let error = thrownError { _ = try SQLiteStorage(path: path) }
        #expect(error?.kind == .init(.conflict, "data-dir"))
        #expect(error?.message.contains("agencies 'BTĐÔ' (rowid 1, 4 code points), 'BTĐÔ' (rowid 2, 5 code points)") == true, "\(error?.message ?? "")")
        #expect(try Command.output("sqlite3", [path, "SELECT count(*) FROM pragma_table_info('agency') WHERE name = 'codeKey'"]) == "0\n")
        #expect(try Command.output("sqlite3", [path, "SELECT identifier FROM grdb_migrations ORDER BY identifier"]).split(separator: "\n").count == 5)
    }

    @Test func noticesIssuedBeforeRegistersBecomeEntriesOfTheirBodysOutgoingRegister() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("docket.sqlite")
        try Self.migrateUpTo("0006-canonical-names", path: path)
        let inserted = try Command.run(
            "sqlite3",
            [path, """
                INSERT INTO user (id, username, roles, clearance, disabled, createdAt, usernameKey)
                  VALUES ('usr_1', 'lan', '["clerk"]', 'internal', 0, '2025-01-01 00:00:00.000', 'lan');
                INSERT INTO document (id, title, filename, mediaType, size, sha256, classification, createdBy, createdAt)
                  VALUES ('doc_1', 't', 't.html', 'text/html', 1, '\(String(repeating: "a", count: 64))', 'internal', 'usr_1', '2025-01-01 00:00:00.000');
                INSERT INTO body (id, name, code, numbering, term, createdAt, codeKey)
                  VALUES ('bod_1', 'Ban Chỉ đạo', 'BCĐ', 'party', '2020-2025', '2025-01-01 00:00:00.000', 'bcđ');
                INSERT INTO notice (id, bodyID, kind, type, number, period, year, symbol, title, documentID, agencies, issuedBy, issuedAt)
                  VALUES ('ntc_1', 'bod_1', 'invitation', 'GM', 1, '2020-2025', 2025, '01-GM/BCĐ', 'Giấy mời', 'doc_1', '[]', 'usr_1', '2025-02-01 00:00:00.000'),
                         ('ntc_2', 'bod_1', 'conclusion', 'TB', 1, '2020-2025', 2025, '01-TB/BCĐ', 'Kết luận', 'doc_1', '[]', 'usr_1', '2025-02-02 00:00:00.000'),
                         ('ntc_3', 'bod_1', 'conclusion', 'TB', 2, '2020-2025', 2026, '02-TB/BCĐ', 'Kết luận', 'doc_1', '[]', 'usr_1', '2026-02-02 00:00:00.000');
                """])
        #expect(inserted.status == 0, "\(inserted.stderr)")

        let storage = try SQLiteStorage(path: path)
        #expect(try storage.appliedMigrations() == Self.all)
        let entries = try Command.output(
            "sqlite3", [path, "SELECT series, number, symbol, noticeID FROM registerEntry ORDER BY series, number"])
        #expect(entries == "2020-2025/GM|1|01-GM/BCĐ|ntc_1\n2020-2025/TB|1|01-TB/BCĐ|ntc_2\n2020-2025/TB|2|02-TB/BCĐ|ntc_3\n")
        let register = try await storage.read { reader in
            let register = try reader.register(code: "bcđ")
            return (register?.kind, register?.period, register?.term, try reader.lastRegisterNumber(registerID: register?.id ?? "", series: "2020-2025/TB"))
        }
        #expect(register.0 == .outgoing && register.1 == .term && register.2 == "2020-2025" && register.3 == 2)
        // Indexed for search by their metadata, diacritics folded.
        #expect(try Command.output("sqlite3", [path, "SELECT count(*) FROM recordText WHERE recordText MATCH 'folded : \"ket luan\"'"]) == "2\n")
        let renumber = try Command.run("sqlite3", [path, "UPDATE registerEntry SET number = 9 WHERE noticeID = 'ntc_3'"])
        #expect(renumber.status != 0 && renumber.stderr.contains("a register number is never changed"), "\(renumber.stderr)")
    }

    /// A database file migrated up to `identifier` and no further, as an older Docket left it.
    static func migrateUpTo(_ identifier: String, path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try SQLiteStorage.migrator.migrate(queue, upTo: identifier)
    }
}
