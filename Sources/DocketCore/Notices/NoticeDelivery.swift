import Foundation

/// A notice as one recipient sees it.
public struct NoticeDelivery: Sendable, Codable, Equatable {
    public var notice: Notice
    public var readAt: Date?

    public init(notice: Notice, readAt: Date?) {
        self.notice = notice
        self.readAt = readAt
    }
}
