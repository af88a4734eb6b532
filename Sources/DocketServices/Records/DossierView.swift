import DocketCore
import Foundation

/// A dossier with its documents in order, what they add up to, and the holds on it.
public struct DossierView: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var position: Int
        public var documentID: String
        public var title: String
        /// The register number, when the document came with an entry.
        public var symbol: String?
        public var pages: Int?
        public var date: CalendarDate?
        /// Its content was destroyed by a disposal; this stub is what remains.
        public var disposed: Bool
        public var sha256: String
        public var size: Int64
    }

    public var dossier: Dossier
    public var items: [Item]
    public var pageCount: Int
    /// The earliest and latest document dates.
    public var firstDate: CalendarDate?
    public var lastDate: CalendarDate?
    public var holds: [Hold]
}
