import Foundation

/// Reading documents and their signatures inside a transaction.
public protocol DocumentReadRepository {
    func document(id: String) throws -> Document?
    func documents(filter: DocumentFilter, page: Page) throws -> Paged<Document>
    /// Documents whose content is still kept (not disposed), in id order after `afterID`, for
    /// scans such as `store check`.
    func documents(after afterID: String, limit: Int) throws -> [Document]
    func signatures(documentID: String) throws -> [DocumentSignature]
    /// Which of `documentIDs` carry at least one signature.
    func signedDocuments(_ documentIDs: [String]) throws -> Set<String>
    /// Whether `userID` may read the document because it was handed to them: it is on the agenda
    /// of a session they are invited to (past its draft), or a notice or record addressed to them.
    func documentIsShared(documentID: String, withUser userID: String) throws -> Bool
    /// The bytes of a small blob kept in the database, or nil when it is not kept there.
    func smallBlob(sha256: String) throws -> Data?
    /// The SHA-256 of every small blob kept in the database.
    func smallBlobDigests() throws -> [String]
}

/// Changing documents and their signatures inside a transaction.
/// SQL specifics stay in the implementations, so another database can implement it too.
public protocol DocumentRepository: DocumentReadRepository {
    func insert(_ document: Document) throws
    func insert(_ signature: DocumentSignature) throws
    /// Keeps a small blob's bytes in the database; bytes already kept under `sha256` stay.
    func insertSmallBlob(sha256: String, content: Data) throws
    func deleteSmallBlob(sha256: String) throws
}
