import Foundation

/// That the log of an older checkpoint is a prefix of the log now (RFC 9162 §2.1.4), with a
/// signed checkpoint of the log now. Hashes are lowercase hex.
public struct ConsistencyProof: Sendable, Codable, Equatable {
    public var oldSize: Int
    public var oldRootHash: String
    public var newSize: Int
    public var newRootHash: String
    public var path: [String]
    /// The signed note of the log now.
    public var checkpoint: String
}
