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
}
