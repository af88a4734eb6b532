import Foundation

/// One user's copy of a notice; `readAt` is when they first opened it.
public struct NoticeRecipient: Sendable, Codable, Equatable {
    public var noticeID: String
    public var userID: String
    public var readAt: Date?

    public init(noticeID: String, userID: String, readAt: Date? = nil) {
        self.noticeID = noticeID
        self.userID = userID
        self.readAt = readAt
    }
}
