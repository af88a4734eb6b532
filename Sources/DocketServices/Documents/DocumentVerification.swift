import DocketCore
import DocketCrypto
import Foundation

/// The result of checking a stored document: its content and every signature on it.
public struct DocumentVerification: Sendable, Codable {
    public struct NumberedReport: Sendable, Codable {
        public var number: Int
        public var signedBy: String
        public var report: SignatureReport
    }

    public var document: Document
    /// Whether the stored bytes still hash to the recorded SHA-256.
    public var contentIntact: Bool
    public var contentProblem: String?
    public var signatures: [NumberedReport]

    /// True when the content is intact and there is at least one signature and every one holds.
    public var isValid: Bool { contentIntact && !signatures.isEmpty && signatures.allSatisfy(\.report.isValid) }
}
