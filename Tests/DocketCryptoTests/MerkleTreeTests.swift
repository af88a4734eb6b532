import DocketCrypto
import Foundation
import Testing

/// RFC 9162 hashing against the Certificate Transparency test vectors, and every proof of every
/// small tree checked both ways.
@Suite struct MerkleTreeTests {
    /// The eight leaves of the CT test data (RFC 6962's reference implementation).
    static let leaves: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43], Array(0x50...0x57), Array(0x60...0x6f),
    ].map { MerkleTree.leafHash($0) }

    @Test func rootsMatchTheCertificateTransparencyVectors() {
        #expect(MerkleTree.root(Self.leaves[..<1]).hexString == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(MerkleTree.root(Self.leaves[...]).hexString == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
        #expect(MerkleTree.root([][...]).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func everyProofOfEverySmallTreeVerifiesAndATamperedOneDoesNot() {
        let leaves = (0..<33).map { MerkleTree.leafHash(Array("event \($0)".utf8)) }
        for size in 1...leaves.count {
            let tree = leaves[..<size]
            let root = MerkleTree.root(tree)
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(of: index, in: tree)
                #expect(MerkleTree.verifyInclusion(leaf: leaves[index], index: index, size: size, proof: proof, root: root))
                let other = leaves[(index + 1) % leaves.count]
                #expect(!MerkleTree.verifyInclusion(leaf: other, index: index, size: size, proof: proof, root: root))
            }
            for old in 1...size {
                let proof = MerkleTree.consistencyProof(from: old, in: tree)
                let oldRoot = MerkleTree.root(leaves[..<old])
                #expect(MerkleTree.verifyConsistency(oldSize: old, oldRoot: oldRoot, newSize: size, newRoot: root, proof: proof))
                if old < size {
                    var altered = Array(leaves[..<old])
                    altered[old - 1] = MerkleTree.leafHash(Array("rewritten".utf8))
                    #expect(!MerkleTree.verifyConsistency(
                        oldSize: old, oldRoot: MerkleTree.root(altered[...]), newSize: size, newRoot: root, proof: proof))
                }
            }
        }
    }

    @Test func theStreamingAccumulatorGivesTheSameHeadsAsTheWholeTree() {
        let leaves = (0..<70).map { MerkleTree.leafHash(Array("event \($0)".utf8)) }
        var tree = MerkleTree.Accumulator()
        #expect(tree.root == MerkleTree.root([][...]))
        for (index, leaf) in leaves.enumerated() {
            tree.append(leaf)
            #expect(tree.root == MerkleTree.root(leaves[...index]), "after \(index + 1) leaves")
        }
    }

    @Test func anEd25519SignatureVerifiesOnlyForItsMessageAndKey() throws {
        let key = try Ed25519.generate()
        let publicKey = try Ed25519.publicKey(of: key)
        let signature = try Ed25519.sign(Array("docket.audit/x\n8\n".utf8), with: key)
        #expect(signature.count == 64 && publicKey.count == 32)
        #expect(Ed25519.verify(signature, of: Array("docket.audit/x\n8\n".utf8), publicKey: publicKey))
        #expect(!Ed25519.verify(signature, of: Array("docket.audit/x\n9\n".utf8), publicKey: publicKey))
        #expect(!Ed25519.verify(signature, of: Array("docket.audit/x\n8\n".utf8), publicKey: try Ed25519.publicKey(of: Ed25519.generate())))
    }
}
