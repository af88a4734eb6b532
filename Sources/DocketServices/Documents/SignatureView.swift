import DocketCore
import Foundation

/// A signature as listed: who, when, and its size; the DER is fetched on its own.
public struct SignatureView: Sendable, Codable, Equatable {
    public var number: Int
    public var signerSubject: String
    public var signerIssuer: String
    public var signerSerial: String
    public var signedBy: String
    public var signedAt: Date
    public var size: Int

    public init(_ signature: DocumentSignature) {
        number = signature.number
        signerSubject = signature.signerSubject
        signerIssuer = signature.signerIssuer
        signerSerial = signature.signerSerial
        signedBy = signature.signedBy
        signedAt = signature.signedAt
        size = signature.der.count
    }
}
