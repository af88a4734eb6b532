import Foundation

/// A stored document: metadata over a content-addressed blob.
public struct Document: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var title: String
    /// The original file name, used when the document is exported.
    public var filename: String
    public var mediaType: String
    public var size: Int64
    /// Lowercase hex SHA-256 of the content; also the blob's address.
    public var sha256: String
    public var classification: Classification
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, title: String, filename: String, mediaType: String, size: Int64, sha256: String,
        classification: Classification, createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.filename = filename
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.classification = classification
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
