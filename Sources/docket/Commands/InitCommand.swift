import ArgumentParser
import DocketCore
import DocketCrypto
import DocketServices
import Foundation

extension KeyType: ExpressibleByArgument {}

struct InitCommand: DocketRunnable {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory: database, blob store, root CA, office signer and the first admin.")

    @Option(name: .long, help: "The data directory (default: $DOCKET_DATA_DIR, else ./docket-data).")
    var dataDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A PostgreSQL database to create the store in, postgres://USER@HOST[:PORT]/DATABASE (default: $DOCKET_DATABASE_URL, "
            + "else SQLite in the data directory)."))
    var database: String?

    @Option(help: "The organisation's name, used in the certificates.")
    var org = "Docket"

    @Option(help: "Signing key type: p256 (default) or rsa3072.")
    var keyType: KeyType = .p256

    @Option(help: "User name of the first admin.")
    var admin = "admin"

    @OptionGroup var output: OutputOptions

    func execute() async throws {
        let directory = StoreOptions(dataDir: dataDir, database: database).directory
        var configuration = DocketConfiguration.fromEnvironment()
        configuration.localOperator = DocketConfiguration.operatingSystemUser()
        let made = try await Docket.initialize(
            directory, organisation: org, keyType: keyType, adminName: admin, configuration: configuration)
        if configuration.keyPassphrase == nil {
            Output.stderr(
                "docket: warning: the private keys in \(directory.keys.path) are stored without a passphrase (mode 0600 only); "
                    + "to encrypt them, start again with DOCKET_KEY_PASSPHRASE set")
        }
        if output.json {
            try Output.json(made.adminToken)
            return
        }
        print("Initialised a Docket store in \(directory.root.path)")
        if directory.databaseURL != nil { print("Database: \(directory.databaseDescription)") }
        print("Organisation root CA: keys/root-ca.pem; office signer: keys/office.pem (\(keyType.rawValue))")
        print("Admin user: \(made.admin.username)")
        print("Admin token (shown once, keep it safe): \(made.adminToken.token)")
        print(made.adminTokenLifetimeNote(directory))
    }
}

extension StoreOptions {
    init(dataDir: String?, database: String?) {
        self.init()
        self.dataDir = dataDir
        self.database = database
    }
}

extension Docket.Initialized {
    /// When the first admin token ends and how to get the next.
    func adminTokenLifetimeNote(_ directory: DataDirectory) -> String {
        let ends = adminToken.expiresAt.map { " on \(Timestamp.string($0))" } ?? ""
        let database = directory.databaseURL == nil ? "" : " --database '\(directory.databaseDescription)'"
        return "It expires\(ends) (\(UserService.firstAdminTokenDays) days); mint the next with "
            + "`docket token create \(admin.username) --as \(admin.username) --data-dir \(directory.root.path)\(database)`"
    }
}
