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

    /// The audit path of leaf `index` in `leaves` (PATH, §2.1.3.1), from the leaf up.
    public static func inclusionProof(of index: Int, in leaves: ArraySlice<Hash>) -> [Hash] {
        guard leaves.count > 1 else { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let start = leaves.startIndex
        let (left, right) = (leaves[start..<start + k], leaves[(start + k)...])
        return index < k
            ? inclusionProof(of: index, in: left) + [root(right)]
            : inclusionProof(of: index - k, in: right) + [root(left)]
    }

    /// The proof that the first `size` leaves are a prefix of `leaves` (PROOF, §2.1.4.1).
    public static func consistencyProof(from size: Int, in leaves: ArraySlice<Hash>) -> [Hash] {
        guard size > 0, size < leaves.count else { return [] }
        return subproof(size, leaves, complete: true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<Hash>, complete: Bool) -> [Hash] {
        let n = leaves.count
        if m == n { return complete ? [] : [root(leaves)] }
        let k = largestPowerOfTwo(below: n)
        let start = leaves.startIndex
        let (left, right) = (leaves[start..<start + k], leaves[(start + k)...])
        return m <= k
            ? subproof(m, left, complete: complete) + [root(right)]
            : subproof(m - k, right, complete: false) + [root(left)]
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
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { (fn, sn) = (fn >> 1, sn >> 1) }
                }
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
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { (fn, sn) = (fn >> 1, sn >> 1) }
                }
            } else {
                sr = nodeHash(sr, c)
            }
            (fn, sn) = (fn >> 1, sn >> 1)
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }

    /// The largest power of two smaller than `n` (n ≥ 2).
    static func largestPowerOfTwo(below n: Int) -> Int {
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
