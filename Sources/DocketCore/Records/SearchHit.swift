import Foundation

/// One register entry a search found, with how well it matched.
public struct SearchHit: Sendable, Codable, Equatable {
    public var entry: RegisterEntry
    /// Every term matched with its diacritics as typed: ranked before folded-only matches.
    public var exactMatch: Bool
    /// The indexed text around the first match, matches «marked».
    public var snippet: String

    public init(entry: RegisterEntry, exactMatch: Bool, snippet: String) {
        self.entry = entry
        self.exactMatch = exactMatch
        self.snippet = snippet
    }
}

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
