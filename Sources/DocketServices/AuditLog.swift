import DocketCore
import DocketCrypto
import Foundation

/// Appends hash-chained events; called by every service inside the transaction of its change.
struct AuditLog: Sendable {
    let time: any TimeSource

    /// Appends one event after the current last one.
    func record(
        _ writer: any StorageWriter, actor: String, action: String, subject: String,
        details: [String: String] = [:]
    ) throws {
        let last = try writer.lastAuditEvent()
        var event = AuditEvent(
            sequence: (last?.sequence ?? 0) + 1, time: time.now(), actor: actor, action: action,
            subject: subject, details: Self.encode(details), previousHash: last?.hash ?? AuditEvent.genesisHash,
            hash: "")
        event.hash = Self.hash(of: event)
        try writer.append(event)
    }

    /// SHA-256 over the event's canonical encoding.
    static func hash(of event: AuditEvent) -> String {
        SHA256Hasher.hex(of: event.canonicalEncoding)
    }

    /// Details as a JSON object with sorted keys, so the same details always hash the same.
    static func encode(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(details), as: UTF8.self)) ?? "{}"
    }
}
