import Foundation

/// The two forms of text the full-text index keeps: exact (NFC; the tokenizer folds case) and
/// folded (lowercase, no diacritics, đ → d), so "chuyen doi so" finds "chuyển đổi số" and "dang" finds "Đảng", while
/// exact-diacritic matches can still rank first. đ/Đ have no Unicode decomposition, which is
/// why removing combining marks alone (FTS5's `remove_diacritics`) does not fold them.
public enum SearchText {
    /// NFC, as written: snippets show it.
    public static func exact(_ text: String) -> String {
        CanonicalName.nfc(text)
    }

    /// Lowercase without combining marks, with đ folded to d.
    public static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                out.append(scalar)
            } else {
                out.append(contentsOf: latin[scalar] ?? fold(scalar))
            }
        }
        return String(out)
    }

    /// One scalar folded: decomposed (canonical decomposition works scalar by scalar, and the
    /// marks it would reorder are dropped anyway), without its nonspacing marks.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar == "\u{0111}" || scalar == "\u{00F0}" { return ["d"] }  // đ, and ð which typists use for it
        return String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
    }

    /// The Latin letters with marks, Vietnamese's included, folded once: Foundation's decomposition
    /// was 5 % of a registration's CPU.
    private static let latin: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for value in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            if let scalar = Unicode.Scalar(UInt32(value)) { table[scalar] = fold(scalar) }
        }
        return table
    }()

    /// The words of `text` (letters and digits), in order.
    public static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }) }
    }
}
