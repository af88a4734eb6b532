import COpenSSL
import Foundation

/// What checking one detached CMS signature found.
public struct SignatureReport: Sendable, Codable, Equatable {
    /// Subject of the signer's certificate.
    public var signerSubject: String
    /// Issuer of the signer's certificate.
    public var signerIssuer: String
    /// Serial of the signer's certificate, uppercase hex.
    public var signerSerial: String
    /// The signing time the signer claimed (a signed attribute).
    public var signingTime: Date?
    /// Whether the content's digest and the signature over the signed attributes hold.
    public var contentMatches: Bool
    /// Why the content check failed, when it did.
    public var contentProblem: String?
    /// Whether the signer's certificate chains to a trusted root.
    public var chainValid: Bool
    /// Why the chain failed, when it did.
    public var chainProblem: String?
    /// The RFC 3161 time-stamp over the signature, when it carries one.
    public var timestamp: TimestampToken.Report?

    /// True only when the content and the chain hold, and the time-stamp when there is one.
    public var isValid: Bool { contentMatches && chainValid && timestamp?.valid != false }
}
