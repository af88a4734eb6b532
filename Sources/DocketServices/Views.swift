import DocketCore
import Foundation

/// A user as shown to clients: everything but the password hash.
public struct UserView: Sendable, Codable, Equatable {
    public var id: String
    public var username: String
    public var roles: [Role]
    public var agency: String?
    public var clearance: Classification
    public var disabled: Bool
    public var createdAt: Date

    public init(_ user: User) {
        id = user.id
        username = user.username
        roles = user.roles
        agency = user.agency
        clearance = user.clearance
        disabled = user.disabled
        createdAt = user.createdAt
    }
}

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
