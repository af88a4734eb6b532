import Foundation

/// Text as people type it, made safe to store exactly as acknowledged: trimmed, in Unicode NFC,
/// and without NUL or other control characters (which some readers cut at, so what was stored
/// and what was shown would differ). Line breaks and tabs are kept only where a field holds
/// several lines.
public enum TextInput {
    /// `text` cleaned; an error names `field`, the character and its position.
    public static func clean(_ text: String, field: String, multiline: Bool = false) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for (offset, scalar) in trimmed.unicodeScalars.enumerated() where scalar.properties.generalCategory == .control {
            if multiline && (scalar == "\n" || scalar == "\t" || scalar == "\r") { continue }
            throw DocketError.invalid(
                field,
                "\(field) holds the control character \(CanonicalName.describe(scalar)) at position \(offset + 1)"
                    + (multiline ? "" : "; it is one line of text"))
        }
        return CanonicalName.nfc(trimmed)
    }

    /// The optional form: nil or blank stays nil.
    public static func clean(optional text: String?, field: String, multiline: Bool = false) throws -> String? {
        guard let text else { return nil }
        let cleaned = try clean(text, field: field, multiline: multiline)
        return cleaned.isEmpty ? nil : cleaned
    }
}

extension String {
    /// nil for an empty string, so optional text fields treat "" as absent.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
