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
