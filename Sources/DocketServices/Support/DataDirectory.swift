import DocketPostgres
import Foundation

/// The files of one Docket store, all under one directory: keys, blobs and, by default, the
/// SQLite database. With `databaseURL` the database is on a PostgreSQL server instead, and the
/// directory keeps the keys and blobs (shared by every instance that serves the store).
public struct DataDirectory: Sendable {
    public let root: URL
    /// A `postgres://` URL, or nil for the SQLite file in the directory.
    public let databaseURL: String?

    public init(_ path: String, databaseURL: String? = nil) {
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        self.databaseURL = databaseURL?.isEmpty == true ? nil : databaseURL
    }

    public var database: URL { root.appendingPathComponent("docket.sqlite") }
    public var blobs: URL { root.appendingPathComponent("blobs", isDirectory: true) }
    public var keys: URL { root.appendingPathComponent("keys", isDirectory: true) }

    /// Whether a Docket store already lives here: its database file, or with PostgreSQL its keys.
    public var holdsStore: Bool {
        FileManager.default.fileExists(atPath: databaseURL == nil ? database.path : keys.path)
    }

    /// Where the database is, for messages: its file, or the URL without a password.
    public var databaseDescription: String {
        databaseURL.map { (try? PostgresAddress($0).description) ?? $0 } ?? database.path
    }
}
