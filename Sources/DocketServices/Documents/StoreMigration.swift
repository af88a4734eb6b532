import DocketCore
import DocketPostgres
import DocketSQLite
import Foundation

/// What `docket migrate-store` copied and checked.
public struct StoreMigration: Sendable, Codable {
    /// Rows copied, by table.
    public var rows: [String: Int]
    public var eventsVerified: Int64
    public var documentsChecked: Int
    public var blobsChecked: Int
    public var target: String

    /// The tables in an order where every row's references arrive before it.
    static let tables = [
        "user", "accessToken", "agency", "document", "documentSignature", "smallBlob", "auditEvent", "auditCheckpoint",
        "auditNode", "body", "bodyMember", "session", "bridgePoint", "participant", "agendaItem", "agendaVersion", "conclusion",
        "amendment", "notice", "noticeRecipient", "plan", "register", "registerSeriesStart", "registerEntry", "task", "taskEvent",
        "processingStep", "processingHandler", "filingPlan", "dossier", "dossierItem", "hold", "holdDossier", "disposedDocument",
    ]
    /// Kept by the target itself: the change counter (set from the source) and the search index (rebuilt).
    static let rebuilt: Set<String> = ["authgeneration", "recordtext", "dossiertext"]
}

extension Docket {
    /// Copies the SQLite store of `source` into the empty PostgreSQL database at `url`, in one
    /// transaction that commits only when what arrived checks out: the same rows in every table,
    /// an intact audit chain with the source's head, and every document's content found (in the
    /// database or under `blobs/`) with its SHA-256. The keys and blobs stay in the data
    /// directory, which then serves the store with `--database URL`. Admins only.
    public static func migrateStore(from source: DataDirectory, to url: String, as actorName: String) async throws -> StoreMigration {
        guard source.databaseURL == nil else {
            throw DocketError.invalid("from", "the source is a SQLite store: give it as sqlite:DATA_DIR")
        }
        guard source.holdsStore else {
            throw DocketError(.notFound, "no Docket store in \(source.root.path): it has no docket.sqlite", field: "from")
        }
        let docket = try open(source)
        let actor = try await docket.users.actingUser(actorName)
        try actor.require(.migrateStore)
        guard let sqlite = docket.storage as? SQLiteStorage else { throw DocketError(.internalError, "the source is not SQLite") }
        let target = try PostgresStorage(url: url)
        let present = Set(try await target.tables().map { $0.lowercased() })
        let known = Set(StoreMigration.tables.map { $0.lowercased() }).union(StoreMigration.rebuilt)
        if let unknown = present.subtracting(known).sorted().first {
            throw DocketError(.internalError, "the table \(unknown) of the PostgreSQL schema has no place in the copy")
        }
        let head = try await docket.storage.read { try $0.auditHead() }
        let generation = try await docket.storage.read { try $0.authGeneration() }
        let blobs = docket.blobs
        let address = target.address.description
        return try await target.importing { copy in
            for table in present.sorted() where !StoreMigration.rebuilt.contains(table) {
                guard try copy.count(table) > 0 else { continue }
                throw DocketError(
                    .conflict, "the database \(address) is not empty (its table \(table) has rows); give an empty database", field: "to")
            }
            var report = StoreMigration(rows: [:], eventsVerified: 0, documentsChecked: 0, blobsChecked: 0, target: address)
            for table in StoreMigration.tables {
                let columns = try copy.columns(of: table)
                let source = Dictionary(uniqueKeysWithValues: try sqlite.columns(of: table).map { ($0.lowercased(), $0) })
                let shared = columns.filter { source[$0.name] != nil }
                var copied = 0
                try sqlite.forEachBatch(of: table, columns: shared.compactMap { source[$0.name] }) { rows in
                    try copy.insert(into: table, columns: shared, rows: rows)
                    copied += rows.count
                }
                guard try copy.count(table) == copied else {
                    throw DocketError(.verificationFailed, "\(table): \(copied) rows were sent but a different number arrived", field: "to")
                }
                report.rows[table] = copied
            }
            try copy.setAuthGeneration(generation)
            let writer = copy.writer
            try sqlite.indexedTexts { entries, dossiers in
                for (id, text) in entries { try writer.index(entryID: id, text: text) }
                for (id, text) in dossiers { try writer.index(dossierID: id, text: text) }
            }
            let chain = try AuditService.verifyChain(in: writer)
            if let problem = chain.problem {
                throw DocketError(.verificationFailed, "the copied audit log does not verify: \(problem)", field: "to")
            }
            guard try writer.auditHead()?.hash == head?.hash else {
                throw DocketError(.verificationFailed, "the copied audit log does not end where the source's does", field: "to")
            }
            report.eventsVerified = chain.eventsChecked
            var cursor = ""
            var checked: Set<String> = []
            while true {
                let batch = try writer.documents(after: cursor, limit: 500)
                guard let last = batch.last else { break }
                cursor = last.id
                for document in batch {
                    report.documentsChecked += 1
                    guard checked.insert(document.sha256).inserted else { continue }
                    guard let content = try blobs.content(document.sha256, in: writer), let stored = try content.rehash(),
                        stored.sha256 == document.sha256
                    else {
                        throw DocketError(
                            .verificationFailed,
                            "the content of document \(document.id) (\(document.sha256)) is missing or altered; run docket store check on the source",
                            field: "from")
                    }
                    report.blobsChecked += 1
                }
            }
            return report
        }
    }
}
