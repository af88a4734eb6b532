import DocketCore
import DocketCrypto
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
        let publicKey = try note.map { _ in try Ed25519.publicKey(of: keys.auditLogSigner()) }
        let checkpoint = try note.map { try Checkpoint.verified($0, publicKey: publicKey ?? []) }
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
        } else if MerkleTree.root(try await leaves(upTo: checkpoint.size)[...]) != checkpoint.root {
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
    public func keepCheckpoint() async throws -> String {
        let key = try keys.auditLogSigner()
        let (leaves, kept) = try await storage.read { reader in
            (try Self.leaves(in: reader, upTo: nil), try reader.latestCheckpoint())
        }
        if let kept, kept.size > leaves.count || MerkleTree.root(leaves[..<kept.size]).hexString != kept.rootHash {
            throw DocketError(
                .verificationFailed,
                "the log no longer extends the checkpoint of \(kept.size) events signed before; refusing to sign another. `docket audit verify` says where it broke",
                field: "checkpoint")
        }
        let checkpoint = Checkpoint(
            origin: Checkpoint.origin(publicKey: try Ed25519.publicKey(of: key)), size: leaves.count,
            root: MerkleTree.root(leaves[...]), time: time.now())
        let note = try checkpoint.note(signedWith: key)
        try await storage.write { writer in
            try writer.keepCheckpoint(size: checkpoint.size, rootHash: checkpoint.root.hexString, signedAt: checkpoint.time, note: note)
        }
        return note
    }

    /// The public key that verifies checkpoints, as PEM, for verifiers outside Docket.
    public func logKey(as user: User) async throws -> Data {
        try user.require(.readAudit)
        return try Ed25519.publicKeyPEM(of: keys.auditLogSigner())
    }

    /// The inclusion proof of event `sequence` in the log as it is now, with a checkpoint of that
    /// log to anchor it.
    public func prove(_ sequence: Int64, as user: User) async throws -> InclusionProof {
        try user.require(.readAudit)
        let key = try keys.auditLogSigner()
        let (events, leaves) = try await storage.read { reader in
            (try reader.auditEvents(after: sequence - 1, limit: 1), try Self.leaves(in: reader, upTo: nil))
        }
        guard let event = events.first, event.sequence == sequence else {
            throw DocketError(.notFound, "no audit event \(sequence); the log holds \(leaves.count)", field: "sequence")
        }
        let index = Int(sequence - 1)
        let root = MerkleTree.root(leaves[...])
        let note = try Checkpoint(
            origin: Checkpoint.origin(publicKey: try Ed25519.publicKey(of: key)), size: leaves.count, root: root,
            time: time.now()
        ).note(signedWith: key)
        return InclusionProof(
            sequence: sequence, treeSize: leaves.count, event: Data(event.canonicalEncoding).base64EncodedString(),
            leafHash: leaves[index].hexString, path: MerkleTree.inclusionProof(of: index, in: leaves[...]).map(\.hexString),
            rootHash: root.hexString, checkpoint: note)
    }

    /// The consistency proof from an older checkpoint of this log to the log as it is now.
    public func consistency(from note: String, as user: User) async throws -> ConsistencyProof {
        try user.require(.readAudit)
        let key = try keys.auditLogSigner()
        let old = try Checkpoint.verified(note, publicKey: try Ed25519.publicKey(of: key))
        let leaves = try await leaves(upTo: nil)
        guard old.size <= leaves.count else {
            throw DocketError(.verificationFailed, "the log holds \(leaves.count) events, fewer than the \(old.size) the checkpoint signed", field: "checkpoint")
        }
        let root = MerkleTree.root(leaves[...])
        let current = try Checkpoint(origin: old.origin, size: leaves.count, root: root, time: time.now()).note(signedWith: key)
        return ConsistencyProof(
            oldSize: old.size, oldRootHash: old.root.hexString, newSize: leaves.count, newRootHash: root.hexString,
            path: MerkleTree.consistencyProof(from: old.size, in: leaves[...]).map(\.hexString), checkpoint: current)
    }

    /// The Merkle leaf hashes of events 1…`size` (all when nil), in order.
    private func leaves(upTo size: Int?) async throws -> [MerkleTree.Hash] {
        try await storage.read { try Self.leaves(in: $0, upTo: size) }
    }

    private static func leaves(in reader: any StorageReader, upTo size: Int?) throws -> [MerkleTree.Hash] {
        var leaves: [MerkleTree.Hash] = []
        while size.map({ leaves.count < $0 }) ?? true {
            let batch = try reader.auditEvents(after: Int64(leaves.count), limit: min(10_000, (size ?? .max) - leaves.count))
            if batch.isEmpty { break }
            leaves += batch.map { MerkleTree.leafHash($0.canonicalEncoding) }
        }
        return leaves
    }

    private func verifyChain() async throws -> AuditVerification {
        try await storage.read { reader in
            var expectedSequence: Int64 = 1
            var previousHash = AuditEvent.genesisHash
            while true {
                let batch = try reader.auditEvents(after: expectedSequence - 1, limit: 10_000)
                if batch.isEmpty { break }
                for event in batch {
                    if let problem = Self.problem(with: event, sequence: expectedSequence, previous: previousHash) {
                        return AuditVerification(
                            eventsChecked: expectedSequence, firstBrokenSequence: event.sequence, problem: problem)
                    }
                    previousHash = event.hash
                    expectedSequence += 1
                }
            }
            return AuditVerification(eventsChecked: expectedSequence - 1, firstBrokenSequence: nil, problem: nil)
        }
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
