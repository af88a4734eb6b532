import ArgumentParser
import DocketCore
import DocketHTTP
import DocketServices
import Foundation
import Hummingbird
import Logging

struct ServeCommand: DocketRunnable {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API; initialises the data directory first when it holds no store.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Largest accepted upload, e.g. 512MiB or 2GiB.") var maxUploadSize = "512MiB"
    @Option(help: "Organisation name, when the store is created now.") var org = "Docket"
    @Option(help: "Minutes between the signed checkpoints of the audit log the server keeps (also one at every session close).")
    var checkpointMinutes = 60
    @OptionGroup var store: StoreOptions

    /// Letters and digits nobody misreads (no 0/O, 1/l/I).
    static let passwordAlphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    func execute() async throws {
        let limit = try ByteCount.parse(maxUploadSize, field: "max-upload-size")
        guard (1...65535).contains(port) else { throw DocketError.invalid("port", "a port is 1 to 65535, got \(port)") }
        let directory = store.directory
        let docket: Docket
        if directory.holdsStore {
            // The server's events name the token's user; no operator stands behind each request.
            docket = try Docket.open(directory, configuration: .fromEnvironment())
        } else {
            // A password for the browser, a token for the API; both shown once, only their hashes kept.
            let password = String((0..<16).map { _ in Self.passwordAlphabet.randomElement() ?? "x" })
            let made = try await Docket.initialize(
                directory, organisation: org, adminPassword: password, configuration: .fromEnvironment())
            docket = made.docket
            Output.unbuffered("Initialised a new Docket store in \(directory.root.path)")
            Output.unbuffered("Sign in at http://\(host):\(port)/ as admin with the password \(password) (shown once)")
            Output.unbuffered("Admin token (shown once, keep it safe): \(made.adminToken.token)")
            Output.unbuffered(made.adminTokenLifetimeNote(directory))
            Output.unbuffered("Try: curl -H 'Authorization: Bearer \(made.adminToken.token)' http://\(host):\(port)/api/v1/me")
        }
        let swept = docket.store.sweepAbandonedUploads()
        if swept > 0 { Output.unbuffered("Removed \(swept) abandoned uploads from blobs/tmp") }
        let log = BackgroundLog()
        LoggingSystem.bootstrap(log.handler)
        defer { log.flush() }
        var logger = Logger(label: "docket")
        logger.logLevel = .info
        guard (1...1440).contains(checkpointMinutes) else {
            throw DocketError.invalid("checkpoint-minutes", "give 1 to 1440 minutes, got \(checkpointMinutes)")
        }
        let checkpoints = Task { [logger, checkpointMinutes] in
            while !Task.isCancelled {
                do {
                    _ = try await docket.auditLog.keepCheckpoint()
                } catch {
                    logger.error("audit checkpoint refused: \(error)")
                }
                try? await Task.sleep(for: .seconds(checkpointMinutes * 60))
            }
        }
        defer { checkpoints.cancel() }
        Output.unbuffered("Docket listening on http://\(host):\(port) (data: \(directory.root.path), database: \(directory.databaseDescription))")
        let app = buildApplication(
            docket: docket, settings: HTTPSettings(host: host, port: port, maxUploadSize: limit), logger: logger)
        try await app.runService()
    }
}
