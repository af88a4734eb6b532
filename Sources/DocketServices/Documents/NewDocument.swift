import DocketCore
import DocketCrypto
import Foundation

/// What a clerk supplies with new content.
public struct NewDocument: Sendable {
    public var title: String?
    /// The original file name; the title defaults to it.
    public var filename: String
    public var classification: Classification
    /// Guessed from the file name when nil.
    public var mediaType: String?

    public init(title: String? = nil, filename: String, classification: Classification = .internal, mediaType: String? = nil) {
        self.title = title
        self.filename = filename
        self.classification = classification
        self.mediaType = mediaType
    }
}

extension NewDocument {
    /// From what a clerk typed or sent; the classification defaults to internal.
    public init(title: String?, filename: String, classification: String?, mediaType: String?) throws {
        self.init(
            title: title, filename: filename,
            classification: try Classification.parse(optional: classification, field: "classification") ?? .internal,
            mediaType: mediaType)
    }
}
