import DocketCore
import Foundation

/// What a clerk records when a document arrives (the incoming register's columns and the
/// electronic metadata of Decree 30/2020, appendix VI).
public struct NewIncoming: Sendable {
    /// The register's code; may be left out while there is one incoming register.
    public var register: String?
    public var sender: String
    /// The sender's number and symbol, e.g. `12-CV/TU`.
    public var senderSymbol: String
    public var senderDate: CalendarDate?
    /// The document type, e.g. `CV`; taken from the symbol when not given.
    public var type: String?
    public var summary: String
    public var classification: Classification
    public var urgency: Urgency
    public var pages: Int?
    /// When it arrived; now when not given.
    public var arrivedAt: Date?
    /// The processing deadline.
    public var deadline: CalendarDate?
    public var note: String?
    /// A detached CMS signature (DER) over the original, when it came with one: checked at
    /// registration, kept with the original, and its result recorded.
    public var signature: Data?
    /// Registered on paper before Docket: numbered in the series of the day it arrived, with `number`
    /// when given (see `BackEntry`).
    public var backEntered: Bool
    public var number: Int?

    public init(
        register: String?, sender: String, senderSymbol: String, senderDate: CalendarDate? = nil, type: String? = nil,
        summary: String, classification: Classification = .internal, urgency: Urgency = .normal, pages: Int? = nil,
        arrivedAt: Date? = nil, deadline: CalendarDate? = nil, note: String? = nil, signature: Data? = nil,
        backEntered: Bool = false, number: Int? = nil
    ) {
        self.register = register
        self.sender = sender
        self.senderSymbol = senderSymbol
        self.senderDate = senderDate
        self.type = type
        self.summary = summary
        self.classification = classification
        self.urgency = urgency
        self.pages = pages
        self.arrivedAt = arrivedAt
        self.deadline = deadline
        self.note = note
        self.signature = signature
        self.backEntered = backEntered
        self.number = number
    }

    /// From what a clerk typed or sent: dates as `2025-03-31` or `31/03/2025`, the arrival time
    /// in the office's `zone` unless it names one.
    public init(
        register: String?, sender: String, senderSymbol: String, senderDate: String?, type: String?, summary: String,
        classification: String?, urgency: String?, pages: Int?, arrivedAt: String?, deadline: String?, note: String?,
        signature: Data? = nil, backEntered: Bool = false, number: Int? = nil, zone: TimeZone
    ) throws {
        self.init(
            register: register, sender: sender, senderSymbol: senderSymbol,
            senderDate: try CalendarDate.parse(optional: senderDate, field: "senderDate"), type: type, summary: summary,
            classification: try Classification.parse(optional: classification, field: "classification") ?? .internal,
            urgency: try Urgency.parse(optional: urgency, field: "urgency") ?? .normal, pages: pages,
            arrivedAt: try arrivedAt.map { try Timestamp.parse($0, field: "arrivedAt", zone: zone) },
            deadline: try CalendarDate.parse(optional: deadline, field: "deadline"), note: note, signature: signature,
            backEntered: backEntered, number: number)
    }
}
