import Foundation

/// The two forms of text the full-text index keeps: exact (NFC; the tokenizer folds case) and
/// folded (lowercase, no diacritics, đ → d), so "chuyen doi so" finds "chuyển đổi số" and "dang" finds "Đảng", while
/// exact-diacritic matches can still rank first. đ/Đ have no Unicode decomposition, which is
/// why removing combining marks alone (FTS5's `remove_diacritics`) does not fold them.
public enum SearchText {
    /// NFC, as written: snippets show it.
    public static func exact(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Lowercase without combining marks, with đ folded to d.
    public static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{0111}", "\u{00F0}": out.append("d")  // đ, and ð which typists use for it
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The words of `text` (letters and digits), in order.
    public static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }) }
    }
}
