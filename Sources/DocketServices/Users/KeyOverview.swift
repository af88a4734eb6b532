import DocketCore
import DocketCrypto
import Foundation

/// What `docket keys show` reports.
public struct KeyOverview: Sendable, Codable {
    public var officeSigner: CertificateSummary
    public var officeKeyFile: String
    public var officeKeyEncrypted: Bool
    public var intermediates: [CertificateSummary]
    public var trustedRoots: [CertificateSummary]
    public var timestamping: Timestamping

    /// The RFC 3161 authority signatures are time-stamped by, and the roots its tokens chain to.
    public struct Timestamping: Sendable, Codable {
        /// Nil when signatures are not time-stamped.
        public var url: String?
        public var trustedRoots: [CertificateSummary]
    }
}
