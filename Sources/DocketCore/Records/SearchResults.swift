import Foundation

/// A page of search hits, best first, and how all the matches spread over the facets.
public struct SearchResults: Sendable, Codable {
    public var hits: Paged<SearchHit>
    /// Counts of all matches by register code, year, type, processing state, classification,
    /// sender and unit, when asked for.
    public var facets: [String: [String: Int]]?

    public init(hits: Paged<SearchHit>, facets: [String: [String: Int]]?) {
        self.hits = hits
        self.facets = facets
    }
}
