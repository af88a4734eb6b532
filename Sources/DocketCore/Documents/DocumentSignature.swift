import Foundation

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
