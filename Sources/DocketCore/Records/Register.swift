import Foundation

/// A register (sổ đăng ký) and how it numbers: which entries share a series and when a series
/// starts again. Party rules are being revised, so the scope of a series is this configuration,
/// never code.
public struct Register: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    /// Unique, e.g. `DEN` or `DI-TU`; bodies' notices go to the outgoing register with the body's code.
    public var code: String
    public var name: String
    public var kind: RegisterKind
    /// The issuer in outgoing symbols (`NN-TYPE/ISSUER`), e.g. `TU`; for incoming registers the
    /// office that receives.
    public var issuer: String
    public var period: SeriesPeriod
    /// The current term when `period` is `term`, e.g. `XIII`.
    public var term: String?
    /// Each document type has its own series (party scheme); otherwise all types share one.
    public var seriesPerType: Bool
    /// Documents classified confidential or above are numbered in a series of their own.
    public var secretSeries: Bool
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, code: String, name: String, kind: RegisterKind, issuer: String, period: SeriesPeriod, term: String?,
        seriesPerType: Bool, secretSeries: Bool, createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.issuer = issuer
        self.period = period
        self.term = term
        self.seriesPerType = seriesPerType
        self.secretSeries = secretSeries
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The series an entry of `type` and `classification` registered in `year` is numbered in,
    /// e.g. `2025`, `2025/mật`, `XIII/TB`.
    public func series(type: String, classification: Classification, year: Int) -> String {
        var series = period == .year ? String(year) : (term ?? "")
        if seriesPerType { series += "/\(type)" }
        if secretSeries && classification >= .confidential { series += "/mật" }
        return series
    }
}
