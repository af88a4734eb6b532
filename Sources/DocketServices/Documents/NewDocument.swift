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

extension NewDocument {
    /// The metadata checked and cleaned for `actor`: the file's own name, a title, a media type,
    /// and a classification the actor is cleared for.
    func validated(for actor: User) throws -> (title: String, filename: String, mediaType: String) {
        let new = self
        let filename = try TextInput.clean(new.filename, field: "filename")
        guard !filename.isEmpty, filename.count <= 255, !filename.contains(where: \.isNewline), !filename.contains("\0") else {
            throw DocketError.invalid("filename", "a file name is 1 to 255 characters on one line; got '\(filename)'")
        }
        // The name as the file had it, never shortened: a path or a drive is refused, not cut off.
        if filename.contains("/") || filename.contains("\\") || Self.startsWithDrive(filename) {
            throw DocketError.invalid(
                "filename", "'\(filename)' is a path; give the file's own name, without folders or a drive")
        }
        guard filename != ".", filename != ".." else {
            throw DocketError.invalid("filename", "'\(filename)' names a directory, not a file; give the file's own name")
        }
        try CanonicalName.checkFileName(filename, field: "filename")
        let title = try TextInput.clean(new.title ?? filename, field: "title")
        guard (1...500).contains(title.count) else {
            throw DocketError.invalid("title", "a title is 1 to 500 characters")
        }
        guard actor.isCleared(for: new.classification) else {
            throw DocketError.invalid(
                "classification",
                "you are cleared up to \(actor.clearance.rawValue) and cannot file a \(new.classification.rawValue) document")
        }
        let mediaType = new.mediaType ?? MediaType.guess(filename: filename)
        guard MediaType.isValid(mediaType) else {
            throw DocketError.invalid("mediaType", "'\(mediaType)' is not a media type such as application/pdf")
        }
        return (title, filename, mediaType)
    }

    /// `C:` and the like: a path on a Windows drive.
    static func startsWithDrive(_ name: String) -> Bool {
        let characters = Array(name.prefix(2))
        return characters.count == 2 && characters[0].isASCII && characters[0].isLetter && characters[1] == ":"
    }
}
