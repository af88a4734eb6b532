import DocketCore
import Foundation

/// What a clerk records when the office issues a document (the outgoing register's columns).
public struct NewOutgoing: Sendable {
    /// The register's code; may be left out while there is one outgoing register.
    public var register: String?
    /// The document type, e.g. `CV`, `NQ`, `TB`.
    public var type: String
    public var summary: String
    /// The date it bears; today when not given.
    public var date: CalendarDate?
    public var signer: String?
    /// Nơi nhận, one line each.
    public var recipients: [String]
    public var keptBy: String?
    public var copies: Int?
    public var classification: Classification
    public var urgency: Urgency
    public var pages: Int?
    /// The incoming entry it answers.
    public var answers: String?
    public var note: String?
    /// Numbered on paper before Docket: in the series of `date`'s year, with `number` when given
    /// (see `BackEntry`).
    public var backEntered: Bool
    public var number: Int?

    public init(
        register: String?, type: String, summary: String, date: CalendarDate? = nil, signer: String? = nil,
        recipients: [String] = [], keptBy: String? = nil, copies: Int? = nil, classification: Classification = .internal,
        urgency: Urgency = .normal, pages: Int? = nil, answers: String? = nil, note: String? = nil,
        backEntered: Bool = false, number: Int? = nil
    ) {
        self.register = register
        self.type = type
        self.summary = summary
        self.date = date
        self.signer = signer
        self.recipients = recipients
        self.keptBy = keptBy
        self.copies = copies
        self.classification = classification
        self.urgency = urgency
        self.pages = pages
        self.answers = answers
        self.note = note
        self.backEntered = backEntered
        self.number = number
    }

    /// From what a clerk typed or sent; the date is `YYYY-MM-DD`.
    public init(
        register: String?, type: String, summary: String, date: String?, signer: String?, recipients: [String],
        keptBy: String?, copies: Int?, classification: String?, urgency: String?, pages: Int?, answers: String?,
        note: String?, backEntered: Bool = false, number: Int? = nil
    ) throws {
        self.init(
            register: register, type: type, summary: summary, date: try CalendarDate.parse(optional: date, field: "date"),
            signer: signer, recipients: recipients, keptBy: keptBy, copies: copies,
            classification: try Classification.parse(optional: classification, field: "classification") ?? .internal,
            urgency: try Urgency.parse(optional: urgency, field: "urgency") ?? .normal, pages: pages, answers: answers,
            note: note, backEntered: backEntered, number: number)
    }
}
