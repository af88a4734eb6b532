import Foundation

/// That one audit event is in the log: its canonical encoding, its Merkle leaf hash and audit
/// path (RFC 9162 §2.1.3), the root they lead to, and a signed checkpoint of that root. Hashes
/// are lowercase hex.
public struct InclusionProof: Sendable, Codable, Equatable {
    public var sequence: Int64
    public var treeSize: Int
    /// The event's canonical encoding (docs/formats.md), base64: the leaf is SHA-256(0x00 ‖ these bytes).
    public var event: String
    public var leafHash: String
    public var path: [String]
    public var rootHash: String
    /// The signed note of the tree the proof is in.
    public var checkpoint: String
}
