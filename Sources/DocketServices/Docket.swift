import DocketCore
import DocketCrypto
import DocketPostgres
import DocketSQLite
import Foundation

/// One open Docket store and its services. Both front ends hold one of these and call its
/// services; neither holds business logic of its own.
public final class Docket: Sendable {
    public let directory: DataDirectory
    public let configuration: DocketConfiguration
    let storage: any Storage
    let blobs: BlobStore
    let keys: KeyStore
    let audit: AuditLog
    /// Shared by all requests, so concurrent check-ins and registrations commit together.
    let groupCommit = WriteBatcher()
    /// Shared by all requests, so failed sign-ins count across them.
    let signIns = SignInThrottle()
    let tokenCache = TokenCache()

    public var users: UserService { UserService(storage: storage, audit: audit, configuration: configuration, signIns: signIns, tokenCache: tokenCache) }
    public var documents: DocumentService {
        DocumentService(storage: storage, blobs: blobs, keys: keys, audit: audit, configuration: configuration)
    }
    public var auditLog: AuditService { AuditService(storage: storage, keys: keys, time: configuration.time) }
    public var keyring: KeyService { KeyService(storage: storage, keys: keys, audit: audit, configuration: configuration) }
    public var store: StoreService { StoreService(storage: storage, blobs: blobs) }
    public var sessions: SessionService { SessionService(storage: storage, audit: audit, records: signedRecords, groupCommit: groupCommit, auditLog: auditLog) }
    public var notices: NoticeService { NoticeService(storage: storage, audit: audit, records: signedRecords, auditLog: auditLog) }
    public var tasks: TaskService { TaskService(storage: storage, audit: audit, records: signedRecords) }
    public var records: RecordService {
        RecordService(storage: storage, blobs: blobs, audit: audit, signed: signedRecords, groupCommit: groupCommit, auditLog: auditLog)
    }
    public var agencies: AgencyService { AgencyService(storage: storage, audit: audit, configuration: configuration) }
    public var packs: PackService {
        PackService(storage: storage, blobs: blobs, keys: keys, configuration: configuration, auditLog: auditLog)
    }
    var signedRecords: SignedRecords { SignedRecords(blobs: blobs, keys: keys, audit: audit, configuration: configuration) }

    private init(directory: DataDirectory, storage: any Storage, configuration: DocketConfiguration) {
        self.directory = directory
        self.configuration = configuration
        self.storage = storage
        blobs = BlobStore(root: directory.blobs)
        keys = KeyStore(directory: directory.keys, passphrase: configuration.keyPassphrase)
        audit = AuditLog(time: configuration.time, localOperator: configuration.localOperator)
    }

    /// Opens an existing store, migrating its schema. Other processes may be writing to it: nothing
    /// of theirs is touched (abandoned uploads are swept by `serve` at start and `store check --repair`).
    public static func open(_ directory: DataDirectory, configuration: DocketConfiguration = .init()) throws -> Docket {
        guard directory.holdsStore else {
            throw DocketError(
                .notFound, "no Docket store in \(directory.root.path); run `docket init --data-dir \(directory.root.path)`",
                field: "data-dir")
        }
        return Docket(directory: directory, storage: try openStorage(directory), configuration: configuration)
    }

    /// The directory's SQLite file, or the PostgreSQL database its URL names; migrated.
    static func openStorage(_ directory: DataDirectory) throws -> any Storage {
        guard let url = directory.databaseURL else { return try SQLiteStorage(path: directory.database.path) }
        return try PostgresStorage(url: url)
    }

    /// What `initialize` made.
    public struct Initialized: Sendable {
        public let docket: Docket
        public let admin: User
        public let adminToken: IssuedToken
    }

    /// Creates a new store: database, blob directory, root CA and office signer, and the first admin.
    /// Refuses, changing nothing, when `directory` already holds a store or other files.
    public static func initialize(
        _ directory: DataDirectory, organisation: String, keyType: KeyType = .p256, adminName: String = "admin",
        adminPassword: String? = nil, configuration: DocketConfiguration = .init()
    ) async throws -> Initialized {
        let organisation = organisation.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(organisation.count) else {
            throw DocketError.invalid("org", "the organisation name is 1 to 200 characters")
        }
        let fileManager = FileManager.default
        if directory.holdsStore {
            throw DocketError(.conflict, "\(directory.root.path) already holds a Docket store; nothing was changed", field: "data-dir")
        }
        let existing = (try? fileManager.contentsOfDirectory(atPath: directory.root.path)) ?? []
        if !existing.isEmpty {
            throw DocketError(
                .conflict, "\(directory.root.path) is not empty; choose a new or empty directory", field: "data-dir")
        }
        let createdRoot = !fileManager.fileExists(atPath: directory.root.path)
        do {
            // Only the account that runs Docket may read the store: documents, keys, the database.
            try fileManager.createDirectory(
                at: directory.root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.root.path)
            let keys = KeyStore(directory: directory.keys, passphrase: configuration.keyPassphrase)
            try KeyStore.translating {
                try keys.create(organisation: organisation, keyType: keyType, now: configuration.time.now())
            }
            let blobs = BlobStore(root: directory.blobs)
            try blobs.create()
            let storage = try openStorage(directory)
            if let postgres = storage as? PostgresStorage, try await !postgres.isEmpty() {
                throw DocketError(
                    .conflict,
                    "the database \(postgres.address) already holds a Docket store; serve it with the data directory made with it, "
                        + "or give an empty database",
                    field: "database")
            }
            let docket = Docket(directory: directory, storage: storage, configuration: configuration)
            for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: directory.database.path + suffix) {
                try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.database.path + suffix)
            }
            let users = docket.users
            let made = try users.makeUser(
                NewUser(username: adminName, roles: [.admin], clearance: .topSecret, password: adminPassword))
            let (admin, token) = try await docket.storage.write { writer in
                try docket.audit.record(
                    writer, actor: "system", action: .storeInit, subject: "store",
                    details: ["organisation": organisation, "keyType": keyType.rawValue])
                let admin = try users.insert(made, by: "system", in: writer)
                let expiresAt = docket.configuration.time.now().addingTimeInterval(
                    TimeInterval(UserService.firstAdminTokenDays) * 86400)
                return (admin, try users.issueToken(for: admin, expiresAt: expiresAt, actor: "system", in: writer))
            }
            return Initialized(docket: docket, admin: admin, adminToken: token)
        } catch {
            // Leave nothing half-made behind.
            if createdRoot {
                try? fileManager.removeItem(at: directory.root)
            } else {
                for name in (try? fileManager.contentsOfDirectory(atPath: directory.root.path)) ?? [] {
                    try? fileManager.removeItem(at: directory.root.appendingPathComponent(name))
                }
            }
            throw error
        }
    }
}
