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
    public static func origin(publicKey: [UInt8]) -> String {
        "docket.audit/" + String(SHA256Hasher.hex(of: publicKey).prefix(16))
    }

    /// The signed-note key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
    static func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(MerkleTree.sha256(Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
    }

    /// The note: the body, a blank line, and one signature line.
    func note(signedWith key: PrivateKey) throws -> String {
        let publicKey = try Ed25519.publicKey(of: key)
        let signature = try Ed25519.sign(Array(body.utf8), with: key)
        let line = Data(Self.keyID(name: origin, publicKey: publicKey) + signature).base64EncodedString()
        return body + "\n— \(origin) \(line)\n"
    }

    /// Reads a note and checks its signature against `publicKey`; a note that is not one, or not
    /// signed by that key, is refused naming what is wrong.
    static func verified(_ note: String, publicKey: [UInt8], field: String = "checkpoint") throws -> Checkpoint {
        func invalid(_ why: String) -> DocketError { DocketError.invalid(field, "not a Docket audit checkpoint: \(why)") }
        let parts = note.components(separatedBy: "\n\n")
        guard parts.count == 2, let body = parts.first.map({ $0 + "\n" }) else { throw invalid("no blank line before the signatures") }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        guard lines.count >= 4, let size = Int(lines[1]), size >= 0, let root = Data(base64Encoded: lines[2]), root.count == 32,
            lines[3].hasPrefix("time "), let time = try? Timestamp.parse(String(lines[3].dropFirst(5)), field: field)
        else { throw invalid("the body is not origin, size, root hash and time") }
        let origin = lines[0]
        guard origin == Self.origin(publicKey: publicKey) else {
            throw DocketError(.verificationFailed, "the checkpoint is of log \(origin), not of this store's log \(Self.origin(publicKey: publicKey))", field: field)
        }
        let id = Self.keyID(name: origin, publicKey: publicKey)
        let signed = parts[1].split(separator: "\n").contains { line in
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "—", words[1] == origin, let blob = Data(base64Encoded: String(words[2])),
                blob.count == 68, Array(blob.prefix(4)) == id
            else { return false }
            return Ed25519.verify(Array(blob.dropFirst(4)), of: Array(body.utf8), publicKey: publicKey)
        }
        guard signed else {
            throw DocketError(.verificationFailed, "the checkpoint's signature does not verify with this store's log key", field: field)
        }
        return Checkpoint(origin: origin, size: size, root: Array(root), time: time)
    }
}
