import DocketCrypto
import Foundation

/// What `pack verify` found.
public struct PackReport: Sendable, Codable, Equatable {
    public struct CheckedFile: Sendable, Codable, Equatable {
        public var path: String
        public var size: Int64
        public var sha256: String
        public var ok: Bool
    }

    public var pack: String
    public var signer: String?
    public var signerIssuer: String?
    public var signingTime: Date?
    public var session: String?
    public var agendaVersion: Int?
    /// The dossiers an archive pack hands over.
    public var dossiers: [String]?
    /// The audit event that issued the pack, when the pack proves it: "event 12 of docket.audit/… (log of 40 events)".
    public var auditEvent: String?
    public var files: [CheckedFile]
    /// Every failure, each naming what failed; empty when the pack is intact and trusted.
    public var problems: [String]
    public var valid: Bool { problems.isEmpty }
}
