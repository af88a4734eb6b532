import Foundation

/// What a search asks for: words and quoted phrases (all must match), and facets that narrow it.
public struct SearchQuery: Sendable, Equatable {
    /// Each term is a word or a phrase of several words, in the query's own spelling.
    public var terms: [[String]]
    public var register: String?
    public var year: Int?
    public var type: String?
    public var sender: String?
    /// Only entries whose lead handler belongs to this agency (unit), by its stored code.
    public var unit: String?
    public var classification: Classification?
    public var state: ProcessingState?
    /// Registered on or after `from` and on or before `to` (days in the office's time zone).
    public var from: Date?
    public var to: Date?
    /// Only entries above this classification are left out.
    public var maximumClassification: Classification
    /// Only entries this user handles or handled; nil for readers of all records.
    public var handledBy: String?
    /// Count all matches by facet too (it reads every match's entry, so only when asked).
    public var facets: Bool

    public init(
        terms: [[String]], register: String? = nil, year: Int? = nil, type: String? = nil, sender: String? = nil,
        unit: String? = nil, classification: Classification? = nil, state: ProcessingState? = nil, from: Date? = nil, to: Date? = nil,
        maximumClassification: Classification = .topSecret, handledBy: String? = nil, facets: Bool = false
    ) {
        self.terms = terms
        self.register = register
        self.year = year
        self.type = type
        self.sender = sender
        self.unit = unit
        self.classification = classification
        self.state = state
        self.from = from
        self.to = to
        self.maximumClassification = maximumClassification
        self.handledBy = handledBy
        self.facets = facets
    }

    /// Words and "quoted phrases" of `text`; nil when it holds no word.
    public static func terms(_ text: String) -> [[String]] {
        var terms: [[String]] = []
        for (index, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let words = SearchText.words(String(part)).map(String.init)
            if index.isMultiple(of: 2) {
                terms += words.map { [$0] }
            } else if !words.isEmpty {
                terms.append(words)
            }
        }
        return terms
    }

    /// The FTS5 expression for `form` (exact or folded) of every term, all required.
    public func expression(_ form: (String) -> String) -> String {
        terms.map { phrase in "\"" + phrase.map(form).joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " AND ")
    }
}
