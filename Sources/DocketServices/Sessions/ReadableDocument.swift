import DocketCore
import Foundation

/// A document a reader may open, and whether it carries a signature.
public struct ReadableDocument: Sendable {
    public let document: Document
    public let signed: Bool
}
