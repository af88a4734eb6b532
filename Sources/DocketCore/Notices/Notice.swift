import Foundation

/// A numbered, signed document a body issues, e.g. `06-TB/BCĐCĐS`.
public struct Notice: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var bodyID: String
    public var sessionID: String?
    public var kind: NoticeKind
    /// The document type, e.g. `TB`.
    public var type: String
    public var number: Int
    /// The numbering period: the term (party scheme) or the year (state scheme).
    public var period: String
    /// The calendar year of issue, in the office's time zone.
    public var year: Int
    public var symbol: String
    public var title: String
    /// The HTML document in the store, signed.
    public var documentID: String
    /// Agencies it was delivered to as a whole (their users are recipients too).
    public var agencies: [String]
    public var issuedBy: String
    /// When it was issued; for a back-entered notice, the start of the day it bears.
    public var issuedAt: Date
    /// Issued on paper before Docket and entered afterwards with its real number and date; delivered to no one.
    public var backEntered: Bool

    public init(
        id: String, bodyID: String, sessionID: String?, kind: NoticeKind, type: String, number: Int, period: String,
        year: Int, symbol: String, title: String, documentID: String, agencies: [String], issuedBy: String, issuedAt: Date,
        backEntered: Bool = false
    ) {
        self.id = id
        self.bodyID = bodyID
        self.sessionID = sessionID
        self.kind = kind
        self.type = type
        self.number = number
        self.period = period
        self.year = year
        self.symbol = symbol
        self.title = title
        self.documentID = documentID
        self.agencies = agencies
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.backEntered = backEntered
    }

    /// `NUMBER-TYPE/ISSUER` with the number zero-padded to two digits.
    public static func symbol(number: Int, type: String, issuer: String) -> String {
        (number < 10 ? "0\(number)" : String(number)) + "-\(type)/\(issuer)"
    }
}
