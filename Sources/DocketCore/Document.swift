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

/// One detached CMS signature over a document; a document may carry several (co-signing).
public struct DocumentSignature: Sendable, Codable, Equatable {
    public var documentID: String
    /// 1, 2, … in the order the signatures were made.
    public var number: Int
    public var signerSubject: String
    public var signerIssuer: String
    public var signerSerial: String
    /// The user who asked for the signature.
    public var signedBy: String
    public var signedAt: Date
    /// The DER bytes of the CMS SignedData, byte-exact.
    public var der: Data

    public init(
        documentID: String, number: Int, signerSubject: String, signerIssuer: String,
        signerSerial: String, signedBy: String, signedAt: Date, der: Data
    ) {
        self.documentID = documentID
        self.number = number
        self.signerSubject = signerSubject
        self.signerIssuer = signerIssuer
        self.signerSerial = signerSerial
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.der = der
    }
}
