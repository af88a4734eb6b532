import DocketCore
import DocketCrypto
import Foundation

/// The audit log's Merkle tree as stored nodes: each event's leaf and every complete subtree.
/// Checkpoints add the nodes of the events since the last one, so appending an event costs
/// nothing more. The nodes answer proofs in O(log² n) reads, and are trusted only as far as
/// they hash to a signed checkpoint's root.
enum AuditTree {
    /// Adds leaves one after another, each with every complete subtree it closes. The left nodes
    /// still waiting for a sibling are kept, so a run of leaves reads none back from the store.
    struct Appender {
        let writer: any StorageWriter
        /// Per level, the last left node added (its position and hash).
        private var waiting: [Int: (position: Int, hash: MerkleTree.Hash)] = [:]

        init(_ writer: any StorageWriter) { self.writer = writer }

        /// Adds leaf `index`, the next one.
        mutating func append(_ leaf: MerkleTree.Hash, at index: Int) throws {
            try writer.insertAuditNode(level: 0, position: index, hash: leaf)
            var (level, position, hash) = (0, index, leaf)
            while position & 1 == 1, let left = try node(level: level, position: position - 1) {
                hash = MerkleTree.nodeHash(left, hash)
                (level, position) = (level + 1, position >> 1)
                try writer.insertAuditNode(level: level, position: position, hash: hash)
            }
            if position & 1 == 0 { waiting[level] = (position, hash) }
        }

        private func node(level: Int, position: Int) throws -> MerkleTree.Hash? {
            if let kept = waiting[level], kept.position == position { return kept.hash }
            return try writer.auditNode(level: level, position: position)
        }
    }

    /// The hash of leaves `range` from stored nodes: one node for a complete aligned subtree,
    /// else split as RFC 9162 splits.
    static func hash(_ range: Range<Int>, in reader: any StorageReader) throws -> MerkleTree.Hash {
        let count = range.count
        if count == 0 { return MerkleTree.sha256([]) }
        if count & (count - 1) == 0, range.lowerBound % count == 0 {
            let level = count.trailingZeroBitCount
            guard let node = try reader.auditNode(level: level, position: range.lowerBound >> level) else {
                throw DocketError(
                    .verificationFailed,
                    "the stored audit tree has no node for events \(range.lowerBound + 1)…\(range.upperBound); `docket audit checkpoint` rebuilds it",
                    field: "sequence")
            }
            return node
        }
        let split = range.lowerBound + MerkleTree.largestPowerOfTwo(below: count)
        return MerkleTree.nodeHash(try hash(range.lowerBound..<split, in: reader), try hash(split..<range.upperBound, in: reader))
    }
}
