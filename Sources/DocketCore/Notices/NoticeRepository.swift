import Foundation

/// Reading numbered notices and their deliveries inside a transaction.
public protocol NoticeReadRepository {
    func notice(id: String) throws -> Notice?
    /// A body's register, in number order; `year` filters by the year of issue.
    func notices(bodyID: String, year: Int?, page: Page) throws -> Paged<Notice>
    func notices(sessionID: String) throws -> [Notice]
    /// The notices delivered to a user, latest first, with their receipt.
    func notices(recipient userID: String, page: Page) throws -> Paged<NoticeDelivery>
    func recipients(noticeID: String) throws -> [NoticeRecipient]
    func recipient(noticeID: String, userID: String) throws -> NoticeRecipient?
}

/// Changing numbered notices and their deliveries inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol NoticeRepository: NoticeReadRepository {
    /// Inserts the notice; a number already taken in its sequence is refused.
    func insert(_ notice: Notice) throws
    func save(_ recipient: NoticeRecipient) throws
}
