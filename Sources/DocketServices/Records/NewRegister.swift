import DocketCore
import Foundation

/// What a clerk supplies to open a register. The numbering scheme gives the defaults (party:
/// per type per term, secret documents in the same series; state: per year, all types in one
/// series, secret documents apart); each may be set on its own, since the rules are revised.
public struct NewRegister: Sendable {
    public var code: String
    public var name: String?
    public var kind: RegisterKind
    public var issuer: String
    public var period: SeriesPeriod
    public var term: String?
    public var seriesPerType: Bool
    public var secretSeries: Bool

    public init(
        code: String, name: String? = nil, kind: RegisterKind, issuer: String, period: SeriesPeriod, term: String? = nil,
        seriesPerType: Bool, secretSeries: Bool
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.issuer = issuer
        self.period = period
        self.term = term
        self.seriesPerType = seriesPerType
        self.secretSeries = secretSeries
    }

    /// From what a clerk typed or sent. `numbering` (party or state) sets the defaults of the
    /// rest; an incoming register numbers by arrival, one series a year, whatever the scheme.
    public init(
        code: String, name: String?, kind: String, issuer: String?, numbering: String?, period: String?, term: String?,
        seriesPerType: Bool?, secretSeries: Bool?
    ) throws {
        let kind = try RegisterKind.parse(kind, field: "kind")
        let scheme = try NumberingScheme.parse(optional: numbering, field: "numbering") ?? .state
        let party = kind == .outgoing && scheme == .party
        let period = try SeriesPeriod.parse(optional: period, field: "period") ?? (party ? .term : .year)
        self.init(
            code: code, name: name, kind: kind, issuer: issuer ?? code, period: period, term: term,
            seriesPerType: seriesPerType ?? party, secretSeries: secretSeries ?? (kind == .outgoing && !party))
    }
}
