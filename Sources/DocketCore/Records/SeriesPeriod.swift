/// How long one numbering series runs before it starts again at 1.
public enum SeriesPeriod: String, Sendable, Codable, CaseIterable, NamedValue {
    /// A calendar year in the office's time zone (state scheme, Decree 30/2020).
    case year
    /// A party-committee term (party scheme, Hướng dẫn 36-HD/VPTW).
    case term
    public static let kind = "series period"
}
