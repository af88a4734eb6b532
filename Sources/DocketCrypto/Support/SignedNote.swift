import Foundation

/// C2SP signed notes with Ed25519 signatures, and the tlog-checkpoint body the audit log signs
/// in them (docs/formats.md): the one reading of both, for Docket and for offline pack verifiers.
public enum SignedNote {
    /// The audit log's name for its public key: `docket.audit/` and the first 16 hex digits of
    /// the key's SHA-256.
    public static func logName(publicKey: [UInt8]) -> String {
        "docket.audit/" + String(SHA256Hasher.hex(of: publicKey).prefix(16))
    }

    /// The first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key): type 0x01 is Ed25519.
    public static func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(MerkleTree.sha256(Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
    }

    /// `body` (lines ending in newlines), a blank line, and `name`'s signature line.
    public static func sign(_ body: String, name: String, with key: PrivateKey) throws -> String {
        let publicKey = try Ed25519.publicKey(of: key)
        let signature = try Ed25519.sign(Array(body.utf8), with: key)
        return body + "\n— \(name) \(Data(keyID(name: name, publicKey: publicKey) + signature).base64EncodedString())\n"
    }

    /// The body of `note` when one of its signature lines is `name`'s and verifies with
    /// `publicKey`; nil otherwise.
    public static func verifiedBody(_ note: String, name: String, publicKey: [UInt8]) -> String? {
        let parts = note.components(separatedBy: "\n\n")
        guard parts.count == 2 else { return nil }
        let body = parts[0] + "\n"
        let id = keyID(name: name, publicKey: publicKey)
        let signed = parts[1].split(separator: "\n").contains { line in
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "—", words[1] == name, let blob = Data(base64Encoded: String(words[2])),
                blob.count == 68, Array(blob.prefix(4)) == id
            else { return false }
            return Ed25519.verify(Array(blob.dropFirst(4)), of: Array(body.utf8), publicKey: publicKey)
        }
        return signed ? body : nil
    }

    /// A checkpoint body's origin, tree size, root hash and extension lines; nil when it is not one.
    public static func checkpoint(_ body: String) -> (origin: String, size: Int, root: [UInt8], extensions: [String])? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        guard lines.count >= 3, let size = Int(lines[1]), size >= 0, let root = Data(base64Encoded: lines[2]), root.count == 32
        else { return nil }
        return (lines[0], size, Array(root), Array(lines.dropFirst(3)))
    }
}
