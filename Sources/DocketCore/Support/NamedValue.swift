/// An enum whose raw values are the names people type (`confidential`, `party`, `scheduled`).
public protocol NamedValue: RawRepresentable, CaseIterable where RawValue == String {
    /// What the value is called in messages, e.g. "classification".
    static var kind: String { get }
}

extension NamedValue {
    /// Parses a name (case-insensitive), naming `field` and the valid names when it is wrong.
    public static func parse(_ text: String, field: String) throws -> Self {
        guard let value = Self(rawValue: text.lowercased()) else {
            throw DocketError.invalid(field, "unknown \(kind) '\(text)'; expected one of \(choices)")
        }
        return value
    }

    /// Parses a name when one was given; nil when none was, so the caller's default applies.
    public static func parse(optional text: String?, field: String) throws -> Self? {
        try text.map { try parse($0, field: field) }
    }

    /// The valid names, for messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
