import DocketCore
import DocketCrypto
import DocketPack
import Foundation

/// Reading and verifying the audit log (auditors and admins): its hash chain, its Merkle tree
/// (RFC 9162) and signed checkpoints of it.
public struct AuditService: Sendable {
    let storage: any Storage
    let keys: KeyStore
    let time: any TimeSource

    /// Events matching `filter`, in sequence order.
    public func list(_ filter: AuditFilter, page: Page, as user: User) async throws -> Paged<AuditEvent> {
        try user.require(.readAudit)
        return try await storage.read { try $0.auditEvents(filter: filter, page: page) }
    }

    /// Recomputes every hash and link, in batches, and names the first event that does not match;
    /// notices users and sessions whose creating events are gone; and, given a checkpoint signed
    /// before, proves the log still extends it: the same first events, hashing to its root.
    public func verify(as user: User, against note: String? = nil) async throws -> AuditVerification {
        try user.require(.readAudit)
        let checkpoint = try note.map { try Checkpoint.verified($0, publicKey: keys.auditLogKey().publicKey) }
        var result = try await verifyChain()
        if result.problem == nil {
            let unlogged = try await storage.read { try $0.unloggedRecords() }.filter { $0.count > 0 }
            if !unlogged.isEmpty {
                result.problem = "the log is shorter than the store: "
                    + unlogged.map { "\($0.count) \($0.kind)" }.joined(separator: " and ")
                    + " have no event in it; their history was deleted"
            }
        }
        guard let checkpoint, result.problem == nil else { return result }
        let size = result.eventsChecked
        if size < checkpoint.size {
            result.firstBrokenSequence = size + 1
            result.problem = "the log holds \(size) events but the checkpoint of \(Timestamp.string(checkpoint.time)) signed \(checkpoint.size): events \(size + 1)…\(checkpoint.size) were deleted"
        } else if try await storage.read({ try Self.roots(in: $0, at: [checkpoint.size])[checkpoint.size] }) != checkpoint.root {
            result.problem = "events 1…\(checkpoint.size) no longer hash to the root signed in the checkpoint of \(Timestamp.string(checkpoint.time)): the log was rewritten since"
        }
        return result
    }

    /// A checkpoint of the log as it is now, signed with the office's log key and kept (auditor,
    /// admin); refused when the log no longer extends the last one kept.
    public func checkpoint(as user: User) async throws -> String {
        try user.require(.readAudit)
        return try await keepCheckpoint()
    }

    /// Signs and keeps a checkpoint of the log now, as `docket serve` does every so often and at
    /// every session close. Never signs a tree that contradicts a checkpoint kept before: that
    /// would be two signed, inconsistent histories.
    ///
    /// Recomputing, it rehashes every event (O(n)) and refuses when the stored log no longer
    /// hashes to the last checkpoint. Otherwise, when the stored tree still hashes to the last
    /// checkpoint's signed root, it only adds the events since (what proofs for notices and packs
    /// need at once); the new root extends the signed one by construction, and a rewritten log is
    /// caught by the next recomputing checkpoint and by `docket audit verify`.
    public func keepCheckpoint(recomputing: Bool = true) async throws -> String {
        let key = try keys.auditLogKey()
        if !recomputing, let note = try await extendedCheckpoint(key: key) { return note }
        let (roots, size, kept, treeLeaves) = try await storage.read { reader in
            let kept = try reader.latestCheckpoint()
            let treeLeaves = try reader.auditTreeLeaves()
            let size = Int(try reader.auditHead()?.sequence ?? 0)
            return (try Self.roots(in: reader, at: [kept?.size ?? 0, treeLeaves, size]), size, kept, treeLeaves)
        }
        if let kept, roots[kept.size]?.hexString != kept.rootHash {
            throw DocketError(
                .verificationFailed,
                "the log no longer extends the checkpoint of \(kept.size) events signed before; refusing to sign another. `docket audit verify` says where it broke",
                field: "checkpoint")
        }
        guard let root = roots[size] else { throw Self.gaps(before: size) }
        let now = time.now()
        return try await storage.write { writer in
            let note = try Self.signAndKeep(size: size, root: root, key: key, at: now, in: writer)
            // The stored tree catches up with the events, or is built again when it disagrees with them.
            var from = treeLeaves
            let agrees = try treeLeaves <= size && (treeLeaves == 0 || AuditTree.hash(0..<treeLeaves, in: writer) == roots[treeLeaves])
            if !agrees {
                try writer.clearAuditTree()
                from = 0
            }
            var tree = AuditTree.Appender(writer)
            try Self.forEachLeaf(in: writer, after: from, upTo: size) { index, leaf in try tree.append(leaf, at: index) }
            return note
        }
    }

    /// A checkpoint over the stored tree extended by the events since the last kept checkpoint,
    /// in one write transaction; nil when the tree does not end at that checkpoint or no longer
    /// hashes to its signed root.
    private func extendedCheckpoint(key: AuditLogKey) async throws -> String? {
        let now = time.now()
        return try await storage.write { writer in
            guard let kept = try writer.latestCheckpoint(), try writer.auditTreeLeaves() == kept.size,
                (try? AuditTree.hash(0..<kept.size, in: writer))?.hexString == kept.rootHash
            else { return nil }
            let size = Int(try writer.auditHead()?.sequence ?? 0)
            var leaves = kept.size
            var tree = AuditTree.Appender(writer)
            try Self.forEachLeaf(in: writer, after: kept.size, upTo: size) { index, leaf in
                try tree.append(leaf, at: index)
                leaves = index + 1
            }
            guard leaves == size else { throw Self.gaps(before: size) }
            return try Self.signAndKeep(size: size, root: try AuditTree.hash(0..<size, in: writer), key: key, at: now, in: writer)
        }
    }

    /// Signs the checkpoint of the first `size` events, whose tree head is `root`, and keeps it.
    private static func signAndKeep(size: Int, root: MerkleTree.Hash, key: AuditLogKey, at time: Date, in writer: any StorageWriter)
        throws -> String
    {
        let note = try Checkpoint(origin: Checkpoint.origin(publicKey: key.publicKey), size: size, root: root, time: time)
            .note(signedWith: key.privateKey)
        try writer.keepCheckpoint(size: size, rootHash: root.hexString, signedAt: time, note: note)
        return note
    }

    private static func gaps(before size: Int) -> DocketError {
        DocketError(
            .verificationFailed, "the log has gaps before event \(size); refusing to sign it. `docket audit verify` names them",
            field: "checkpoint")
    }

    /// The public key that verifies checkpoints, as PEM, for verifiers outside Docket.
    public func logKey(as user: User) async throws -> Data {
        try user.require(.readAudit)
        return try Ed25519.publicKeyPEM(of: keys.auditLogKey().privateKey)
    }

    /// The inclusion proof of event `sequence` in the tree of the first checkpoint kept that holds
    /// it (signing one now when none does), with that checkpoint to anchor it. Reads O(log² n)
    /// stored nodes.
    public func prove(_ sequence: Int64, as user: User) async throws -> InclusionProof {
        try user.require(.readAudit)
        return try await proof(of: sequence)
    }

    /// What a signed pack carries of the event that issued it: the log key, a checkpoint and the
    /// event's inclusion proof. Callers decide who may have it.
    func anchor(of sequence: Int64) async throws -> PackManifest.AuditAnchor {
        let proof = try await proof(of: sequence)
        return PackManifest.AuditAnchor(
            logKey: Data(try keys.auditLogKey().publicKey).base64EncodedString(), checkpoint: proof.checkpoint,
            sequence: sequence, event: proof.event, treeSize: proof.treeSize, path: proof.path)
    }

    func proof(of sequence: Int64) async throws -> InclusionProof {
        let (event, size, kept) = try await storage.read { reader in
            // A kept checkpoint holding the event, when the stored tree has caught up with it.
            let kept = try reader.auditTreeLeaves() >= sequence ? reader.checkpointNote(covering: Int(sequence)) : nil
            return (try reader.auditEvents(after: sequence - 1, limit: 1).first, try reader.auditHead()?.sequence ?? 0, kept)
        }
        guard let event, event.sequence == sequence else {
            throw DocketError(.notFound, "no audit event \(sequence); the log holds \(size)", field: "sequence")
        }
        let note = if let kept { kept } else { try await keepCheckpoint(recomputing: false) }
        let checkpoint = try Checkpoint.verified(note, publicKey: keys.auditLogKey().publicKey)
        let leaf = MerkleTree.leafHash(event.canonicalEncoding)
        let index = Int(sequence - 1)
        let path = try await storage.read { reader in
            try MerkleTree.inclusionProof(of: index, size: checkpoint.size) { try AuditTree.hash($0, in: reader) }
        }
        guard MerkleTree.verifyInclusion(leaf: leaf, index: index, size: checkpoint.size, proof: path, root: checkpoint.root) else {
            throw DocketError(
                .verificationFailed, "event \(sequence) does not prove into the checkpoint of \(checkpoint.size) events; run `docket audit verify`",
                field: "sequence")
        }
        return InclusionProof(
            sequence: sequence, treeSize: checkpoint.size, event: Data(event.canonicalEncoding).base64EncodedString(),
            leafHash: leaf.hexString, path: path.map(\.hexString), rootHash: checkpoint.root.hexString, checkpoint: note)
    }

    /// The consistency proof from an older checkpoint of this log to a checkpoint signed now.
    public func consistency(from note: String, as user: User) async throws -> ConsistencyProof {
        try user.require(.readAudit)
        let publicKey = try keys.auditLogKey().publicKey
        let old = try Checkpoint.verified(note, publicKey: publicKey)
        let size = try await storage.read { try $0.auditHead()?.sequence ?? 0 }
        guard old.size <= size else {
            throw DocketError(.verificationFailed, "the log holds \(size) events, fewer than the \(old.size) the checkpoint signed", field: "checkpoint")
        }
        let currentNote = try await keepCheckpoint()
        let current = try Checkpoint.verified(currentNote, publicKey: publicKey)
        let path = try await storage.read { reader in
            try MerkleTree.consistencyProof(from: old.size, size: current.size) { try AuditTree.hash($0, in: reader) }
        }
        return ConsistencyProof(
            oldSize: old.size, oldRootHash: old.root.hexString, newSize: current.size, newRootHash: current.root.hexString,
            path: path.map(\.hexString), checkpoint: currentNote)
    }

    /// The tree heads of the log at each of `sizes`, recomputed from the events (never from the
    /// stored tree), streaming in O(log n) memory; a size past the log's end gets none.
    private static func roots(in reader: any StorageReader, at sizes: Set<Int>) throws -> [Int: MerkleTree.Hash] {
        var tree = MerkleTree.Accumulator()
        var roots: [Int: MerkleTree.Hash] = sizes.contains(0) ? [0: tree.root] : [:]
        try forEachLeaf(in: reader, after: 0, upTo: sizes.max() ?? 0) { _, leaf in
            tree.append(leaf)
            if sizes.contains(tree.count) { roots[tree.count] = tree.root }
        }
        return roots
    }

    /// Calls `body` with the index and leaf hash of events `after`+1 … `size`, in batches.
    private static func forEachLeaf(
        in reader: any StorageReader, after start: Int, upTo size: Int, _ body: (Int, MerkleTree.Hash) throws -> Void
    ) throws {
        var next = start
        while next < size {
            let batch = try reader.auditEvents(after: Int64(next), limit: min(10_000, size - next))
            if batch.isEmpty { return }
            for event in batch {
                guard event.sequence == Int64(next) + 1 else { return }  // a gap: the caller sees too few leaves
                try body(next, MerkleTree.leafHash(event.canonicalEncoding))
                next += 1
            }
        }
    }

    private func verifyChain() async throws -> AuditVerification {
        try await storage.read { try Self.verifyChain(in: $0) }
    }

    /// Walks the chain from the first event: each in sequence, linked to the one before, hashing to itself.
    static func verifyChain(in reader: any StorageReader) throws -> AuditVerification {
        var expectedSequence: Int64 = 1
        var previousHash = AuditEvent.genesisHash
        while true {
            let batch = try reader.auditEvents(after: expectedSequence - 1, limit: 10_000)
            if batch.isEmpty { break }
            for event in batch {
                if let problem = problem(with: event, sequence: expectedSequence, previous: previousHash) {
                    return AuditVerification(eventsChecked: expectedSequence, firstBrokenSequence: event.sequence, problem: problem)
                }
                previousHash = event.hash
                expectedSequence += 1
            }
        }
        return AuditVerification(eventsChecked: expectedSequence - 1, firstBrokenSequence: nil, problem: nil)
    }

    private static func problem(with event: AuditEvent, sequence: Int64, previous: String) -> String? {
        if event.sequence != sequence {
            return "event \(sequence) is missing (the next stored event is \(event.sequence))"
        }
        if event.previousHash != previous {
            return "event \(sequence) does not link to event \(sequence - 1) (previous hash differs)"
        }
        if AuditLog.hash(of: event) != event.hash {
            return "event \(sequence) (\(event.action) on \(event.subject)) was altered: its hash does not match its content"
        }
        return nil
    }
}
