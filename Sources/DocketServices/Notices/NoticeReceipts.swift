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
}
