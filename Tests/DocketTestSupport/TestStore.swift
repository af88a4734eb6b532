import DocketCore
import DocketCrypto
import DocketServices
import Foundation

/// A real store (SQLite file, blob directory, OpenSSL keys) in a temporary directory,
/// with one user of each role.
public struct TestStore: Sendable {
    public let backend: Backend
    public let directory: TemporaryDirectory
    public let docket: Docket
    public let admin: User
    public let adminToken: String
    public let clerk: User
    public let chair: User
    public let delegate: User
    public let auditor: User

    /// bcrypt at its lowest cost keeps tests fast; production uses 12.
    public static func configuration(passphrase: String? = nil, time: any TimeSource = SystemTime()) -> DocketConfiguration {
        DocketConfiguration(keyPassphrase: passphrase, passwordCost: 4, time: time)
    }

    /// `time` is the store's clock: a `SettableClock` lets a test say when each change happens.
    public init(_ backend: Backend = .sqlite, passphrase: String? = nil, time: any TimeSource = SystemTime()) async throws {
        self.backend = backend
        directory = try TemporaryDirectory()
        let made = try await Docket.initialize(
            DataDirectory(directory.file("data"), databaseURL: try backend.newDatabaseURL()), organisation: "Văn phòng Tỉnh ủy", keyType: .p256,
            configuration: Self.configuration(passphrase: passphrase, time: time))
        docket = made.docket
        admin = made.admin
        adminToken = made.adminToken.token
        clerk = try await docket.users.add(
            NewUser(username: "clerk", roles: [.clerk], agency: "VP", clearance: .secret, password: "clerk-password"),
            as: admin)
        chair = try await docket.users.add(
            NewUser(username: "chair", roles: [.chair], agency: "VP", clearance: .topSecret), as: admin)
        delegate = try await docket.users.add(
            NewUser(username: "delegate", roles: [.delegate], agency: "Sở TT", clearance: .internal), as: admin)
        auditor = try await docket.users.add(
            NewUser(username: "auditor", roles: [.auditor], clearance: .topSecret), as: admin)
    }

    /// Stores `data` as a document filed by the clerk.
    public func addDocument(
        _ data: Data, filename: String = "doc.pdf", classification: Classification = .internal
    ) async throws -> Document {
        let path = try directory.write(data, to: "upload-\(UUID().uuidString)")
        return try await docket.documents.add(
            fileAt: path, NewDocument(filename: filename, classification: classification), as: clerk)
    }

    /// The database file, for tools such as `sqlite3`.
    public var databasePath: String { docket.directory.database.path }

    /// Runs `sql` in the store's database with the database's own client, `sqlite3` or `psql`: its
    /// output, unformatted, one row a line.
    public func sql(_ sql: String) throws -> String {
        let result = try runSQL(sql)
        guard result.status == 0 else { throw ToolFailed(tool: backend == .sqlite ? "sqlite3" : "psql", status: result.status, stderr: result.stderr) }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `sql` with the database's own client, whatever its exit status.
    public func runSQL(_ sql: String) throws -> CommandResult {
        guard let url = docket.directory.databaseURL else { return try Command.run("sqlite3", [databasePath, sql]) }
        return try PostgresServer.shared.get().psql(String(url.split(separator: "/").last ?? ""), sql)
    }

    /// Every blob stored: the files under `blobs/` (not the temporary ones) and the rows of small
    /// content in the database, counted by the database's own client.
    public func storedBlobs() throws -> (files: [String], small: Int) {
        let files = try FileManager.default.subpathsOfDirectory(atPath: docket.directory.blobs.path)
            .filter { !$0.hasPrefix("tmp") && $0.contains("/") }
        return (files, Int(try sql("SELECT count(*) FROM smallBlob")) ?? -1)
    }
    /// The trusted roots PEM.
    public var rootPath: String { docket.directory.keys.appendingPathComponent("root-ca.pem").path }
}
