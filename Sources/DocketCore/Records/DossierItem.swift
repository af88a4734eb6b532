import Foundation

/// One document in a dossier, in order. The document is referred to, never copied: it may sit in
/// several dossiers.
public struct DossierItem: Sendable, Codable, Equatable {
    public var dossierID: String
    public var position: Int
    public var documentID: String
    /// The register entry the document came with, when it was registered.
    public var entryID: String?
    public var note: String?
    public var addedBy: String
    public var addedAt: Date

    public init(
        dossierID: String, position: Int, documentID: String, entryID: String?, note: String?, addedBy: String, addedAt: Date
    ) {
        self.dossierID = dossierID
        self.position = position
        self.documentID = documentID
        self.entryID = entryID
        self.note = note
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}
