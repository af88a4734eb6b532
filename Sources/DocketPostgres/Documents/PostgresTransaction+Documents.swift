import DocketCore
import Foundation

extension PostgresTransaction: DocumentRepository {
    func document(id: String) throws -> Document? { try record(Document.self, "SELECT * FROM document WHERE id = $1", [id]) }

    func documents(filter: DocumentFilter, page: Page) throws -> Paged<Document> {
        let allowed = Classification.allCases.filter { $0 <= filter.maximumClassification }.map(\.rawValue)
        var matching = Filter()
        matching.add(SQLValue.textArray(allowed)) { "classification = ANY(\($0))" }
        matching.add(filter.classification?.rawValue) { "classification = \($0)" }
        matching.add(filter.createdBy) { "createdBy = \($0)" }
        matching.add(filter.readableBy) { "(createdBy = \($0) OR \(Self.sharedDocument(id: "document.id", user: $0)))" }
        if let text = filter.titleContains, !text.isEmpty {
            // The words are matched literally: % and _ are not wildcards. Case-insensitive, as SQLite's LIKE is for ASCII.
            let literal = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            matching.add("%\(literal)%") { "title ILIKE \($0)" }
        }
        return try self.page(Document.self, "FROM document \(matching.clause)", order: "createdAt DESC, id", matching.binds, page: page)
    }

    func documents(after afterID: String, limit: Int) throws -> [Document] {
        // A disposed document has no content left to check.
        try records(
            Document.self,
            """
            SELECT * FROM document WHERE id COLLATE "C" > $1 AND id NOT IN (SELECT documentID FROM disposedDocument)
            ORDER BY id COLLATE "C" LIMIT $2
            """,
            [afterID, limit])
    }

    func insert(_ document: Document) throws { try insert(document, into: "document") }

    func signatures(documentID: String) throws -> [DocumentSignature] {
        try records(DocumentSignature.self, "SELECT * FROM documentSignature WHERE documentID = $1 ORDER BY number", [documentID])
    }

    func signedDocuments(_ documentIDs: [String]) throws -> Set<String> {
        Set(
            try rows("SELECT DISTINCT documentID FROM documentSignature WHERE documentID = ANY($1)", [SQLValue.textArray(documentIDs)])
                .map { try $0.required(0, as: String.self) })
    }

    func insert(_ signature: DocumentSignature) throws { try insert(signature, into: "documentSignature") }

    func smallBlob(sha256: String) throws -> Data? {
        try scalar(Data.self, "SELECT content FROM smallBlob WHERE sha256 = $1", [sha256])
    }

    func smallBlobDigests() throws -> [String] {
        try rows("SELECT sha256 FROM smallBlob ORDER BY sha256 COLLATE \"C\"").map { try $0.required(0) }
    }

    func insertSmallBlob(sha256: String, content: Data) throws {
        try write("INSERT INTO smallBlob (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING", [sha256, content])
    }

    func deleteSmallBlob(sha256: String) throws {
        try write("DELETE FROM smallBlob WHERE sha256 = $1", [sha256])
    }

    func documentIsShared(documentID: String, withUser userID: String) throws -> Bool {
        try scalar(Bool.self, "SELECT " + Self.sharedDocument(id: "$1", user: "$2"), [documentID, userID]) ?? false
    }

    /// SQL that holds when the document `id` was handed to `user`: it is on the agenda of a session
    /// they are invited to (past its draft), a notice to them, their session's record, or an
    /// incoming document they handle or handled.
    static func sharedDocument(id: String, user: String) -> String {
        """
        (EXISTS (
            SELECT 1 FROM agendaItem JOIN participant ON participant.sessionID = agendaItem.sessionID
            JOIN session ON session.id = agendaItem.sessionID
            WHERE agendaItem.documentIDs ? \(id) AND participant.userID = \(user) AND session.state != 'draft'
        ) OR EXISTS (
            SELECT 1 FROM notice JOIN noticeRecipient ON noticeRecipient.noticeID = notice.id
            WHERE notice.documentID = \(id) AND noticeRecipient.userID = \(user)
        ) OR EXISTS (
            SELECT 1 FROM session JOIN participant ON participant.sessionID = session.id
            WHERE session.attendanceRecordID = \(id) AND participant.userID = \(user)
        ) OR EXISTS (
            SELECT 1 FROM registerEntry JOIN processingHandler ON processingHandler.entryID = registerEntry.id
            WHERE registerEntry.documentID = \(id) AND processingHandler.userID = \(user)
        ))
        """
    }
}
