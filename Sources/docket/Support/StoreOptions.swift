import ArgumentParser
import DocketCore
import DocketServices
import Foundation

/// Where the store is and who is acting; shared by every command that opens a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $DOCKET_DATA_DIR, else ./docket-data).")
    var dataDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A PostgreSQL database, postgres://USER@HOST[:PORT]/DATABASE, instead of the SQLite file in the data directory "
            + "(default: $DOCKET_DATABASE_URL)."))
    var database: String?

    @Option(name: .customLong("as"), help: "The user to act as (default: $DOCKET_USER).")
    var actingUser: String?

    var directory: DataDirectory {
        let environment = ProcessInfo.processInfo.environment
        return DataDirectory(
            dataDir ?? environment["DOCKET_DATA_DIR"] ?? "docket-data", databaseURL: database ?? environment["DOCKET_DATABASE_URL"])
    }

    /// Opens the store with settings from the environment, for a command: its audit events name
    /// the operating-system user who ran it.
    func open() throws -> Docket {
        var configuration = DocketConfiguration.fromEnvironment()
        configuration.localOperator = DocketConfiguration.operatingSystemUser()
        return try Docket.open(directory, configuration: configuration)
    }

    /// Opens the store and resolves the acting user.
    func openActing() async throws -> (Docket, User) {
        let docket = try open()
        return (docket, try await docket.users.actingUser(Self.actingName(actingUser)))
    }

    /// Who acts: `given` (--as), else $DOCKET_USER.
    static func actingName(_ given: String?) throws -> String {
        guard let name = given ?? ProcessInfo.processInfo.environment["DOCKET_USER"], !name.isEmpty else {
            throw DocketError.unauthenticated("say who is acting: pass --as USER or set DOCKET_USER")
        }
        return name
    }
}

extension StoreOptions {
    /// The office's time zone, for times people type without one.
    var timeZone: TimeZone { DocketConfiguration.fromEnvironment().timeZone }
}

extension DocketConfiguration {
    /// `user@host` of the process, as the operating system knows them.
    static func operatingSystemUser() -> String {
        let user = getpwuid(geteuid()).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }

    /// Settings from the environment: `DOCKET_KEY_PASSPHRASE`.
    static func fromEnvironment() -> DocketConfiguration {
        let passphrase = ProcessInfo.processInfo.environment["DOCKET_KEY_PASSPHRASE"]
        return DocketConfiguration(keyPassphrase: passphrase?.isEmpty == true ? nil : passphrase)
    }
}
