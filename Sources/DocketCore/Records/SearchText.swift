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

    /// Lowercase without combining marks, with đ folded to d. Written into UTF-8 bytes with the
    /// Latin letters from a table: it runs inside the write transaction of every registration.
    public static func folded(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                out.append((65...90).contains(byte) ? byte + 32 : byte)
            } else if let folded = latin[scalar] {
                out.append(contentsOf: folded)
            } else {
                out.append(contentsOf: foldLowercased(scalar))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One scalar lowercased, then each of its scalars decomposed (canonical decomposition works
    /// scalar by scalar, and the marks it would reorder are dropped anyway) without its nonspacing
    /// marks, đ (and ð, which typists use for it) as d; as UTF-8.
    private static func foldLowercased(_ scalar: Unicode.Scalar) -> [UInt8] {
        var out: [UInt8] = []
        for lower in String(scalar).lowercased().unicodeScalars {
            if lower == "\u{0111}" || lower == "\u{00F0}" {
                out.append(UInt8(ascii: "d"))
                continue
            }
            for kept in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars
            where kept.properties.generalCategory != .nonspacingMark {
                out.append(contentsOf: String(kept).utf8)
            }
        }
        return out
    }

    /// The Latin letters with marks, Vietnamese's included, folded once: Foundation's decomposition
    /// was 5 % of a registration's CPU.
    private static let latin: [Unicode.Scalar: [UInt8]] = {
        var table: [Unicode.Scalar: [UInt8]] = [:]
        for value in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            if let scalar = Unicode.Scalar(UInt32(value)) { table[scalar] = foldLowercased(scalar) }
        }
        return table
    }()

    /// The words of `text` (letters and digits), in order.
    public static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }) }
    }
}
