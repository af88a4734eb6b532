import DocketCore
import DocketCrypto
import Foundation

/// Appends hash-chained events; called by every service inside the transaction of its change.
struct AuditLog: Sendable {
    let time: any TimeSource
    /// The operating-system user and host behind a command-line process, added to every event's
    /// details as `operator`: the CLI acts as the user it names, and this says who named them.
    var localOperator: String? = nil

    /// Appends one event after the current last one.
    func record(
        _ writer: any StorageWriter, actor: String, action: AuditAction, subject: String,
        details: [String: String] = [:]
    ) throws {
        var details = details
        if let localOperator { details["operator"] = localOperator }
        let head = try writer.auditHead()
        var event = AuditEvent(
            sequence: (head?.sequence ?? 0) + 1, time: time.now(), actor: actor, action: action.rawValue,
            subject: subject, details: Self.encode(details), previousHash: head?.hash ?? AuditEvent.genesisHash,
            hash: "")
        event.hash = Self.hash(of: event)
        try writer.append(event)
    }

    /// SHA-256 over the event's canonical encoding.
    static func hash(of event: AuditEvent) -> String {
        SHA256Hasher.hex(of: event.canonicalEncoding)
    }

    /// Details as a JSON object with keys sorted by their UTF-8 bytes, so the same details always
    /// hash the same. Written by hand: it runs once per change and JSONEncoder is slow to set up.
    static func encode(_ details: [String: String]) -> String {
        var out = "{"
        for (index, key) in details.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { out += "," }
            out += JSONText.quoted(key) + ":" + JSONText.quoted(details[key] ?? "")
        }
        return out + "}"
    }
}
