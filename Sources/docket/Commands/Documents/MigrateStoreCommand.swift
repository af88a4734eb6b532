import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct MigrateStoreCommand: DocketRunnable {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Copy a SQLite store into an empty PostgreSQL database, checking everything that arrives (admin).",
        discussion: """
            Copies every row in one transaction, which commits only when the copy has the same rows, an intact audit \
            chain ending where the source's does, and every document's content with its SHA-256; otherwise nothing is \
            written. A database that holds anything is refused. The keys and blobs stay in the data directory: serve the \
            store afterwards with --data-dir DATA_DIR --database URL.
            """)

    @Option(help: "The store to copy: sqlite:DATA_DIR (its docket.sqlite, keys and blobs).") var from: String
    @Option(help: "The empty database to copy into: postgres://USER@HOST[:PORT]/DATABASE.") var to: String
    @Option(name: .customLong("as"), help: "The admin doing it (default: $DOCKET_USER).") var actingUser: String?
    @OptionGroup var output: OutputOptions

    func execute() async throws {
        guard from.hasPrefix("sqlite:"), from.count > "sqlite:".count else {
            throw DocketError.invalid("from", "give the source as sqlite:DATA_DIR, got '\(from)'")
        }
        var path = String(from.dropFirst("sqlite:".count))
        if path.hasSuffix("/docket.sqlite") { path = String(path.dropLast("/docket.sqlite".count)) }
        let source = DataDirectory(path)
        let report = try await Docket.migrateStore(from: source, to: to, as: try StoreOptions.actingName(actingUser))
        if output.json {
            try Output.json(report)
            return
        }
        print("Copied \(report.rows.values.reduce(0, +)) rows of \(report.rows.count) tables into \(report.target)")
        print("Audit chain intact: \(report.eventsVerified) events; \(report.documentsChecked) documents, \(report.blobsChecked) blobs rehashed")
        print("Serve it with: docket serve --data-dir \(source.root.path) --database '\(report.target)'")
    }
}
