import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction: DocumentRepository {
    func document(id: String) throws -> Document? { try Document.fetchOne(db, key: id) }

    func documents(filter: DocumentFilter, page: Page) throws -> Paged<Document> {
        let allowed = Classification.allCases.filter { $0 <= filter.maximumClassification }.map(\.rawValue)
        var request = Document.filter(allowed.contains(Document.Columns.classification))
        if let classification = filter.classification {
            request = request.filter(Document.Columns.classification == classification.rawValue)
        }
        if let createdBy = filter.createdBy { request = request.filter(Document.Columns.createdBy == createdBy) }
        if let reader = filter.readableBy {
            request = request.filter(
                sql: "(document.createdBy = ? OR \(Self.sharedDocument(id: "document.id")))",
                arguments: [reader, reader, reader, reader, reader])
        }
        if let text = filter.titleContains, !text.isEmpty {
            // The words are matched literally: % and _ are not wildcards.
            let literal = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            request = request.filter(Document.Columns.title.like("%\(literal)%", escape: "\\"))
        }
        let items = try request.order(Document.Columns.createdAt.desc, Document.Columns.id)
            .limit(page.limit, offset: page.offset).fetchAll(db)
        return Paged(items: items, total: try request.fetchCount(db), page: page)
    }

    func documents(after afterID: String, limit: Int) throws -> [Document] {
        // A disposed document has no content left to check.
        try Document.filter(Document.Columns.id > afterID)
            .filter(sql: "id NOT IN (SELECT documentID FROM disposedDocument)")
            .order(Document.Columns.id).limit(limit).fetchAll(db)
    }

    func insert(_ document: Document) throws { try document.insert(db) }

    func signatures(documentID: String) throws -> [DocumentSignature] {
        try DocumentSignature.filter(DocumentSignature.Columns.documentID == documentID).order(DocumentSignature.Columns.number).fetchAll(db)
    }

    func signedDocuments(_ documentIDs: [String]) throws -> Set<String> {
        Set(try String.fetchAll(db, DocumentSignature.select(DocumentSignature.Columns.documentID, as: String.self).filter(documentIDs.contains(DocumentSignature.Columns.documentID)).distinct()))
    }

    func insert(_ signature: DocumentSignature) throws { try signature.insert(db) }

    func smallBlob(sha256: String) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT content FROM smallBlob WHERE sha256 = ?"), arguments: [sha256])
    }

    func smallBlobDigests() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT sha256 FROM smallBlob ORDER BY sha256")
    }

    func insertSmallBlob(sha256: String, content: Data) throws {
        try db.cachedStatement(sql: "INSERT INTO smallBlob (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")
            .execute(arguments: [sha256, content])
    }

    func deleteSmallBlob(sha256: String) throws {
        try db.execute(sql: "DELETE FROM smallBlob WHERE sha256 = ?", arguments: [sha256])
    }

    func documentIsShared(documentID: String, withUser userID: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT " + Self.sharedDocument(id: "?")),
            arguments: [documentID, userID, documentID, userID, documentID, userID, documentID, userID]) ?? false
    }

    /// SQL that holds when the document `id` was handed to the user bound after it (four times,
    /// each after `id`): it is on the agenda of a session they are invited to (past its draft),
    /// a notice to them, their session's record, or an incoming document they handle or handled.
    static func sharedDocument(id: String) -> String {
        """
        (EXISTS (
            SELECT 1 FROM agendaItem, json_each(agendaItem.documentIDs) AS attached
            JOIN participant ON participant.sessionID = agendaItem.sessionID
            JOIN session ON session.id = agendaItem.sessionID
            WHERE attached.value = \(id) AND participant.userID = ? AND session.state != 'draft'
        ) OR EXISTS (
            SELECT 1 FROM notice JOIN noticeRecipient ON noticeRecipient.noticeID = notice.id
            WHERE notice.documentID = \(id) AND noticeRecipient.userID = ?
        ) OR EXISTS (
            SELECT 1 FROM session JOIN participant ON participant.sessionID = session.id
            WHERE session.attendanceRecordID = \(id) AND participant.userID = ?
        ) OR EXISTS (
            SELECT 1 FROM registerEntry JOIN processingHandler ON processingHandler.entryID = registerEntry.id
            WHERE registerEntry.documentID = \(id) AND processingHandler.userID = ?
        ))
        """
    }
}
