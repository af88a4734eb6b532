import Foundation

/// The files of one Docket store, all under one directory.
public struct DataDirectory: Sendable {
    public let root: URL

    public init(_ path: String) {
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    public var database: URL { root.appendingPathComponent("docket.sqlite") }
    public var blobs: URL { root.appendingPathComponent("blobs", isDirectory: true) }
    public var keys: URL { root.appendingPathComponent("keys", isDirectory: true) }

    /// Whether a Docket store already lives here.
    public var holdsStore: Bool { FileManager.default.fileExists(atPath: database.path) }
}
