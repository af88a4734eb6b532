import Foundation

/// Which deadline a report counts against.
public enum DeadlineBasis: String, Sendable, Codable, CaseIterable, NamedValue {
    /// The deadline after the extensions granted by the as-of date.
    case current
    /// The deadline first set, ignoring extensions.
    case original
    public static let kind = "deadline basis"
}
