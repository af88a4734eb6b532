import DocketCore
import DocketCrypto
import Foundation

/// A certificate as shown to people.
public struct CertificateSummary: Sendable, Codable, Equatable {
    public var subject: String
    public var issuer: String
    public var serial: String
    public var notBefore: Date
    public var notAfter: Date
    public var sha256Fingerprint: String

    init(_ certificate: Certificate) {
        subject = certificate.subject
        issuer = certificate.issuer
        serial = certificate.serial
        notBefore = certificate.notBefore
        notAfter = certificate.notAfter
        sha256Fingerprint = certificate.fingerprint
    }
}
