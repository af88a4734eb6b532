import COpenSSL
import Foundation

/// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, inclusion and consistency proofs,
/// over leaves given by their hashes. Section numbers below are RFC 9162's.
public enum MerkleTree {
    public typealias Hash = [UInt8]

    /// `SHA-256(0x00 ‖ leaf)` (§2.1.1).
    public static func leafHash(_ leaf: [UInt8]) -> Hash { sha256([0x00] + leaf) }

    /// `SHA-256(0x01 ‖ left ‖ right)` (§2.1.1).
    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash { sha256([0x01] + left + right) }

    /// The tree head of `leaves` (MTH, §2.1.1); SHA-256 of nothing for an empty tree.
    public static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        switch leaves.count {
        case 0: return sha256([])
        case 1: return leaves[leaves.startIndex]
        default:
            let k = largestPowerOfTwo(below: leaves.count)
            let start = leaves.startIndex
            return nodeHash(root(leaves[start..<start + k]), root(leaves[(start + k)...]))
        }
    }

    /// Tree heads of a growing log, leaf by leaf, in O(log n) memory: it keeps only the complete
    /// subtrees so far, largest first, which is how MTH splits.
    public struct Accumulator: Sendable {
        private var subtrees: [(size: Int, hash: Hash)] = []
        public private(set) var count = 0

        public init() {}

        public mutating func append(_ leaf: Hash) {
            var node = (size: 1, hash: leaf)
            while let last = subtrees.last, last.size == node.size {
                subtrees.removeLast()
                node = (last.size * 2, MerkleTree.nodeHash(last.hash, node.hash))
            }
            subtrees.append(node)
            count += 1
        }

        /// MTH of the leaves appended so far.
        public var root: Hash {
            guard var root = subtrees.last?.hash else { return MerkleTree.sha256([]) }
            for subtree in subtrees.dropLast().reversed() { root = MerkleTree.nodeHash(subtree.hash, root) }
            return root
        }
    }

    /// The audit path of leaf `index` in `leaves` (PATH, §2.1.3.1), from the leaf up.
    public static func inclusionProof(of index: Int, in leaves: ArraySlice<Hash>) -> [Hash] {
        let start = leaves.startIndex
        return inclusionProof(of: index, size: leaves.count) { root(leaves[(start + $0.lowerBound)..<(start + $0.upperBound)]) }
    }

    /// The proof that the first `size` leaves are a prefix of `leaves` (PROOF, §2.1.4.1).
    public static func consistencyProof(from size: Int, in leaves: ArraySlice<Hash>) -> [Hash] {
        let start = leaves.startIndex
        return consistencyProof(from: size, size: leaves.count) { root(leaves[(start + $0.lowerBound)..<(start + $0.upperBound)]) }
    }

    /// PATH over a tree of `size` leaves whose subtree hashes `hash(range)` gives (from stored
    /// nodes, say): only O(log n) subtrees are asked for, each once.
    public static func inclusionProof(of index: Int, size: Int, hash: (Range<Int>) throws -> Hash) rethrows -> [Hash] {
        func path(_ index: Int, _ range: Range<Int>) throws -> [Hash] {
            guard range.count > 1 else { return [] }
            let split = range.lowerBound + largestPowerOfTwo(below: range.count)
            return index < split
                ? try path(index, range.lowerBound..<split) + [hash(split..<range.upperBound)]
                : try path(index, split..<range.upperBound) + [hash(range.lowerBound..<split)]
        }
        return try path(index, 0..<size)
    }

    /// PROOF from `old` leaves to `size` leaves, over subtree hashes as `inclusionProof` takes them.
    public static func consistencyProof(from old: Int, size: Int, hash: (Range<Int>) throws -> Hash) rethrows -> [Hash] {
        func subproof(_ m: Int, _ range: Range<Int>, _ complete: Bool) throws -> [Hash] {
            if m == range.count { return complete ? [] : [try hash(range)] }
            let k = largestPowerOfTwo(below: range.count)
            let split = range.lowerBound + k
            return m <= k
                ? try subproof(m, range.lowerBound..<split, complete) + [hash(split..<range.upperBound)]
                : try subproof(m - k, split..<range.upperBound, false) + [hash(range.lowerBound..<split)]
        }
        guard old > 0, old < size else { return [] }
        return try subproof(old, 0..<size, true)
    }

    /// Whether `proof` takes `leaf` (a leaf hash) at `index` of a tree of `size` leaves to `root` (§2.1.3.2).
    public static func verifyInclusion(leaf: Hash, index: Int, size: Int, proof: [Hash], root: Hash) -> Bool {
        guard index >= 0, index < size else { return false }
        var (fn, sn) = (index, size - 1)
        var r = leaf
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 { (fn, sn) = (fn >> 1, sn >> 1) }
            } else {
                r = nodeHash(r, p)
            }
            (fn, sn) = (fn >> 1, sn >> 1)
        }
        return sn == 0 && r == root
    }

    /// Whether `proof` shows a tree of `oldSize` with `oldRoot` is a prefix of one of `newSize` with `newRoot` (§2.1.4.2).
    public static func verifyConsistency(oldSize: Int, oldRoot: Hash, newSize: Int, newRoot: Hash, proof: [Hash]) -> Bool {
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        guard oldSize > 0, oldSize < newSize, !proof.isEmpty else { return oldSize == 0 && proof.isEmpty }
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }  // a power of two: the old root is a node
        var (fn, sn) = (oldSize - 1, newSize - 1)
        while fn & 1 == 1 { (fn, sn) = (fn >> 1, sn >> 1) }
        var (fr, sr) = (path[0], path[0])
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 { (fn, sn) = (fn >> 1, sn >> 1) }
            } else {
                sr = nodeHash(sr, c)
            }
            (fn, sn) = (fn >> 1, sn >> 1)
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }

    /// The largest power of two smaller than `n` (n ≥ 2).
    public static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    public static func sha256(_ bytes: [UInt8]) -> Hash {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        bytes.withUnsafeBytes { _ = EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha256(), nil) }
        return digest
    }
}
