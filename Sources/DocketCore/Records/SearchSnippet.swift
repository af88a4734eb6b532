import Foundation

/// The words around the first match in indexed text, each matching word «marked». Words match
/// by their folded form, so a diacritic-free query marks the words as written.
public enum SearchSnippet {
    public static func make(_ text: String, terms: [[String]], words limit: Int = 24) -> String {
        let wanted = Set(terms.flatMap { $0 }.map(SearchText.folded))
        let words = SearchText.words(text)
        guard !words.isEmpty else { return "" }
        let first = words.firstIndex { wanted.contains(SearchText.folded(String($0))) } ?? 0
        let start = max(0, first - limit / 3)
        let end = min(words.count, start + limit)
        let shown = words[start..<end].map { word in
            wanted.contains(SearchText.folded(String(word))) ? "«\(word)»" : String(word)
        }
        return (start > 0 ? "… " : "") + shown.joined(separator: " ") + (end < words.count ? " …" : "")
    }

    /// Whether `text` holds every term with its diacritics as typed (case aside), phrases as
    /// consecutive words.
    public static func containsExactly(_ text: String, terms: [[String]]) -> Bool {
        let words = SearchText.words(text).map { SearchText.exact(String($0)).lowercased() }
        return terms.allSatisfy { phrase in
            let wanted = phrase.map { SearchText.exact($0).lowercased() }
            guard !wanted.isEmpty, words.count >= wanted.count else { return false }
            return (0...(words.count - wanted.count)).contains { start in
                wanted.indices.allSatisfy { words[start + $0] == wanted[$0] }
            }
        }
    }
}
