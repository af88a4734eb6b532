import Foundation

/// One entry of the append-only, hash-chained audit log.
public struct AuditEvent: Sendable, Codable, Equatable {
    /// 1, 2, … without gaps.
    public var sequence: Int64
    public var time: Date
    /// User id of whoever made the change (`system` for init).
    public var actor: String
    /// What happened, e.g. `document.add`.
    public var action: String
    /// What it happened to, e.g. a document id.
    public var subject: String
    /// JSON object with sorted keys.
    public var details: String
    /// The previous event's hash; 64 zeros for the first event.
    public var previousHash: String
    /// SHA-256 over `canonicalEncoding`, lowercase hex.
    public var hash: String

    public init(
        sequence: Int64, time: Date, actor: String, action: String, subject: String, details: String,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of "no previous event".
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The bytes that `hash` covers (docs/formats.md): the fields in a fixed order, each written
    /// as its UTF-8 byte length in decimal, a colon, the bytes, and a newline. Time is RFC 3339
    /// UTC with milliseconds. Length prefixes make the encoding unambiguous whatever the fields hold.
    public var canonicalEncoding: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192 + details.utf8.count + subject.utf8.count)
        func field(_ text: String) {
            out.append(contentsOf: String(text.utf8.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        for text in ["docket-audit-v1", String(sequence), Timestamp.string(time), actor, action, subject, details, previousHash] {
            field(text)
        }
        return out
    }
}
