import DocketCore
import Foundation

/// A notice with who has and has not read it, for the clerk.
public struct NoticeReceipts: Sendable, Codable, Equatable {
    public struct Receipt: Sendable, Codable, Equatable {
        public var userID: String
        public var username: String
        public var readAt: Date?
    }

    public var notice: Notice
    public var read: Int
    public var unread: Int
    public var recipients: [Receipt]
    /// That the notice was issued: its `notice.issue` event, which names its document's SHA-256,
    /// proved into a signed checkpoint of the audit log.
    public var proof: InclusionProof
}

/// A notice opened by one of its recipients, with the proof that it was issued.
public struct OpenedNotice: Sendable, Codable, Equatable {
    public var notice: Notice
    public var readAt: Date?
    /// Its `notice.issue` event, which names its document's SHA-256, proved into a signed
    /// checkpoint of the audit log: `tools/verify-audit.py notice` checks it offline.
    public var proof: InclusionProof
}
