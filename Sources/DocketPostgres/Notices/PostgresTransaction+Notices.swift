import DocketCore
import Foundation

extension PostgresTransaction: NoticeRepository {
    func notice(id: String) throws -> Notice? { try record(Notice.self, "SELECT * FROM notice WHERE id = $1", [id]) }

    func notices(bodyID: String, year: Int?, page: Page) throws -> Paged<Notice> {
        try self.page(
            Notice.self, "FROM notice WHERE bodyID = $1 AND ($2::bigint IS NULL OR year = $2)", order: "issuedAt, type, number",
            [bodyID, year], page: page)
    }

    func notices(sessionID: String) throws -> [Notice] {
        try records(Notice.self, "SELECT * FROM notice WHERE sessionID = $1 ORDER BY issuedAt, id", [sessionID])
    }

    func notices(recipient userID: String, page: Page) throws -> Paged<NoticeDelivery> {
        let total = try count("SELECT COUNT(*) FROM noticeRecipient WHERE userID = $1", [userID])
        let items = try rows(
            """
            SELECT notice.*, noticeRecipient.readAt AS receiptReadAt FROM noticeRecipient
            JOIN notice ON notice.id = noticeRecipient.noticeID
            WHERE noticeRecipient.userID = $1 ORDER BY notice.issuedAt DESC, notice.id LIMIT $2 OFFSET $3
            """,
            [userID, page.limit, page.offset]
        ).map { NoticeDelivery(notice: try $0.record(Notice.self), readAt: try $0.value("receiptReadAt", as: Date.self)) }
        return Paged(items: items, total: total, page: page)
    }

    func recipients(noticeID: String) throws -> [NoticeRecipient] {
        try records(NoticeRecipient.self, "SELECT * FROM noticeRecipient WHERE noticeID = $1", [noticeID])
    }

    func recipient(noticeID: String, userID: String) throws -> NoticeRecipient? {
        try record(NoticeRecipient.self, "SELECT * FROM noticeRecipient WHERE noticeID = $1 AND userID = $2", [noticeID, userID])
    }

    func insert(_ notice: Notice) throws {
        try insert(notice, into: "notice", refusing: PostgresFailure.unique(DocketError(.conflict, "the number \(notice.symbol) is already taken", field: "number")))
    }

    func save(_ recipient: NoticeRecipient) throws { try save(recipient, into: "noticeRecipient", key: ["noticeID", "userID"]) }
}
