import Foundation

/// One dossier a search found.
public struct DossierHit: Sendable, Codable, Equatable {
    public var dossier: Dossier
    public var exactMatch: Bool
    public var snippet: String

    public init(dossier: Dossier, exactMatch: Bool, snippet: String) {
        self.dossier = dossier
        self.exactMatch = exactMatch
        self.snippet = snippet
    }
}
