import DocketCore
import Foundation

/// What `store check` found.
public struct StoreCheck: Sendable, Codable {
    public var documentsChecked: Int
    public var blobsChecked: Int
    public var bytesChecked: Int64
    public var problems: [BlobProblem]
    /// Temporary files of uploads whose writer died (held by no process, older than a minute).
    public var abandonedUploads: [String]
    /// Blobs no document refers to (left by a crash between storing a blob and recording it).
    public var orphanBlobs: [String]
    /// Whether the abandoned uploads were removed (`--repair`).
    public var repaired: Bool
    public var isHealthy: Bool { problems.isEmpty }
}
