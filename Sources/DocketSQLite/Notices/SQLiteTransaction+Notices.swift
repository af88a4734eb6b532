import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: NoticeRepository {
    func notice(id: String) throws -> Notice? { try Notice.fetchOne(db, key: id) }

    func notices(bodyID: String, year: Int?, page: Page) throws -> Paged<Notice> {
        var request = Notice.filter(Notice.Columns.bodyID == bodyID)
        if let year { request = request.filter(Notice.Columns.year == year) }
        let items = try request.order(Notice.Columns.issuedAt, Notice.Columns.type, Notice.Columns.number)
            .limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func notices(sessionID: String) throws -> [Notice] {
        try Notice.filter(Notice.Columns.sessionID == sessionID).order(Notice.Columns.issuedAt, Notice.Columns.id).fetchAll(db)
    }

    func notices(recipient userID: String, page: Page) throws -> Paged<NoticeDelivery> {
        let total = try NoticeRecipient.filter(NoticeRecipient.Columns.userID == userID).fetchCount(db)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT notice.*, noticeRecipient.readAt AS receiptReadAt FROM noticeRecipient
                JOIN notice ON notice.id = noticeRecipient.noticeID
                WHERE noticeRecipient.userID = ? ORDER BY notice.issuedAt DESC, notice.id LIMIT ? OFFSET ?
                """,
            arguments: [userID, page.limit, page.offset])
        let items = try rows.map { NoticeDelivery(notice: try Notice(row: $0), readAt: try $0.decode(forColumn: "receiptReadAt")) }
        return Paged(items: items, total: total, page: page)
    }

    func recipients(noticeID: String) throws -> [NoticeRecipient] {
        try NoticeRecipient.filter(NoticeRecipient.Columns.noticeID == noticeID).fetchAll(db)
    }

    func recipient(noticeID: String, userID: String) throws -> NoticeRecipient? {
        try NoticeRecipient.fetchOne(db, key: ["noticeID": noticeID, "userID": userID])
    }

    func insert(_ notice: Notice) throws {
        do {
            try notice.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DocketError(.conflict, "the number \(notice.symbol) is already taken", field: "number")
        }
    }

    func save(_ recipient: NoticeRecipient) throws { try recipient.save(db) }
}
