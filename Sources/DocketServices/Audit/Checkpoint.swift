import DocketCore
import DocketCrypto
import Foundation

/// A signed statement of the audit log's size and Merkle root (docs/formats.md): a C2SP
/// tlog-checkpoint in a C2SP signed note, signed with the office's Ed25519 log key.
///
///     docket.audit/3f0c…\n   origin: the log's name, from its key
///     1234\n                 tree size: events 1…1234
///     q6Nf…=\n               root hash, base64
///     time 2026-11-29T08:00:00.000Z\n
///     \n
///     — docket.audit/3f0c… BASE64(key id ‖ signature)\n
public struct Checkpoint: Sendable, Equatable {
    public let origin: String
    public let size: Int
    public let root: MerkleTree.Hash
    public let time: Date

    /// The signed body: origin, size, root and time lines, each ending in a newline.
    public var body: String {
        "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\ntime \(Timestamp.string(time))\n"
    }

    /// The log's name for a public key: `docket.audit/` and the first 16 hex digits of its SHA-256.
    public static func origin(publicKey: [UInt8]) -> String { SignedNote.logName(publicKey: publicKey) }

    /// The note: the body, a blank line, and one signature line.
    func note(signedWith key: PrivateKey) throws -> String { try SignedNote.sign(body, name: origin, with: key) }

    /// Reads a note and checks its signature against `publicKey`; a note that is not one, or not
    /// signed by that key, is refused naming what is wrong.
    static func verified(_ note: String, publicKey: [UInt8], field: String = "checkpoint") throws -> Checkpoint {
        func invalid(_ why: String) -> DocketError { DocketError.invalid(field, "not a Docket audit checkpoint: \(why)") }
        guard let separator = note.range(of: "\n\n") else { throw invalid("no blank line before the signatures") }
        guard let parsed = SignedNote.checkpoint(String(note[..<separator.lowerBound]) + "\n"),
            let timeLine = parsed.extensions.first, timeLine.hasPrefix("time "),
            let time = try? Timestamp.parse(String(timeLine.dropFirst(5)), field: field)
        else { throw invalid("the body is not origin, size, root hash and time") }
        let ours = origin(publicKey: publicKey)
        guard parsed.origin == ours else {
            throw DocketError(.verificationFailed, "the checkpoint is of log \(parsed.origin), not of this store's log \(ours)", field: field)
        }
        guard SignedNote.verifiedBody(note, name: ours, publicKey: publicKey) != nil else {
            throw DocketError(.verificationFailed, "the checkpoint's signature does not verify with this store's log key", field: field)
        }
        return Checkpoint(origin: parsed.origin, size: parsed.size, root: parsed.root, time: time)
    }
}
