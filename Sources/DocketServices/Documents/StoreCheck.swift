import DocketCore
import Foundation

/// What `store check` found.
public struct StoreCheck: Sendable, Codable {
    public var documentsChecked: Int
    public var blobsChecked: Int
    public var bytesChecked: Int64
    public var problems: [BlobProblem]
    public var isHealthy: Bool { problems.isEmpty }
}
