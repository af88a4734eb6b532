import DocketCore
import Foundation

/// What a disposal destroyed, by whose decision: the signed record (biên bản hủy) filed in the
/// store and the stub of each document.
public struct DisposalRecord: Sendable, Codable {
    public struct Stub: Sendable, Codable {
        public var dossier: String
        public var documentID: String
        public var symbol: String?
        public var title: String
        public var sha256: String
        public var size: Int64
        public var filedAt: Date
        /// False when the document is also filed in a dossier that is kept: its content stays.
        public var contentDestroyed: Bool
    }

    public var id: String
    public var decidedBy: String
    public var reason: String
    /// The signed disposal record in the store.
    public var recordDocumentID: String
    public var dossiers: [String]
    public var stubs: [Stub]
}
