import Foundation

/// The one canonical form of names and codes (usernames, agency and body codes, plan symbols).
///
/// Swift compares strings by canonical equivalence and SQLite compares bytes, so two spellings
/// of one name (composed and decomposed `hùng`, `Đạt` and `đạt`, the Kelvin sign and `K`) must
/// meet in one key before either compares them. The storage layer keeps the key in a unique
/// column and every lookup goes through it.
public enum CanonicalName {
    /// The comparison key: NFC, then upper- and lowercased (which folds case as Unicode case
    /// folding does for the scripts in use here, `ß` and final sigma included), then NFC again.
    public static func key(_ name: String) -> String {
        nfc(nfc(name).uppercased().lowercased())
    }

    /// `text` in Unicode Normalization Form C, by the standard library's own normalizer (the one
    /// its string comparison uses): Foundation's goes through CFString and was a tenth of a
    /// registration's time.
    public static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// `text` trimmed and in NFC, refused when it holds an invisible or direction-changing
    /// character, or one that only looks like another (the Kelvin sign, fullwidth letters: NFKC
    /// would change them). The error names the character and its position (in code points).
    /// Combining accents typed apart from their letter are fine: NFC joins them.
    public static func identifier(_ text: String, field: String, what: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for (offset, scalar) in trimmed.unicodeScalars.enumerated() {
            // Compared by code points: Swift's == holds the Kelvin sign equal to K.
            let lookalike = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            let problem: String? =
                if scalar.properties.generalCategory == .control {
                    "is a control character"
                } else if isInvisible(scalar) {
                    "is invisible"
                } else if scalar.properties.isBidiControl {
                    "changes the writing direction"
                } else if !lookalike.unicodeScalars.elementsEqual([scalar]) {
                    "only looks like '\(lookalike)'"
                } else {
                    nil
                }
            if let problem {
                throw DocketError.invalid(
                    field, "\(what) may not hold \(describe(scalar)) at position \(offset + 1): it \(problem); type it plainly")
            }
        }
        return nfc(trimmed)
    }

    /// Refuses direction overrides in a file name, which make `exe.pdf` read as `fdp.exe`.
    public static func checkFileName(_ name: String, field: String) throws {
        for (offset, scalar) in name.unicodeScalars.enumerated() where scalar.properties.isBidiControl {
            throw DocketError.invalid(
                field, "the file name holds \(describe(scalar)) at position \(offset + 1), which changes the writing direction; rename the file")
        }
    }

    /// Zero-width joiners, byte-order marks, soft hyphens and the like: letters a reader cannot see.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.generalCategory == .format
    }

    /// `U+200D` for an invisible character, `'Ｋ' (U+FF2B)` for a visible one.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let unseen = isInvisible(scalar) || scalar.properties.isBidiControl || scalar.properties.generalCategory == .control
        return unseen ? code : "'\(scalar)' (\(code))"
    }
}
