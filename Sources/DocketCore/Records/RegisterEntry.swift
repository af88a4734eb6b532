import Foundation

/// One numbered line of a register. Incoming and outgoing entries share the register engine and
/// this shape; the fields of the other direction stay empty. An entry is never removed: a
/// withdrawn document keeps its number, marked withdrawn with a reason.
public struct RegisterEntry: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var registerID: String
    public var kind: RegisterKind
    /// The numbering series (see `Register.series`); numbers run 1, 2, 3 … within it, gap-free.
    public var series: String
    public var number: Int
    /// The calendar year of registration, in the office's time zone.
    public var year: Int
    /// Outgoing: `NN-TYPE/ISSUER`. Incoming: the arrival number as printed.
    public var symbol: String
    /// The document type, e.g. `CV`, `NQ`, `TB`.
    public var type: String
    /// Trích yếu: the one-line subject.
    public var summary: String
    /// The date the document bears (outgoing: issued; incoming: the sender's date).
    public var documentDate: CalendarDate?
    public var classification: Classification
    public var urgency: Urgency
    public var pages: Int?
    /// The original in the store, byte-exact.
    public var documentID: String?
    public var note: String?
    public var registeredBy: String
    /// When it was entered in Docket; a back-entered entry was registered on paper on its real date before.
    public var registeredAt: Date
    /// Numbered before Docket (on paper) and entered afterwards: its year and series are those of
    /// its real date (`documentDate`, or `arrivedAt` for incoming documents).
    public var backEntered: Bool

    // Outgoing.
    public var signer: String?
    /// Nơi nhận, one line each.
    public var recipients: [String]
    /// The unit or person keeping the file copy.
    public var keptBy: String?
    public var copies: Int?
    /// The incoming entry this document answers.
    public var answersID: String?
    /// The session notice this entry numbers.
    public var noticeID: String?

    // Incoming.
    public var sender: String?
    /// The sender's number and symbol, e.g. `12-CV/TU`.
    public var senderSymbol: String?
    public var arrivedAt: Date?
    /// The processing deadline as it stands.
    public var deadline: CalendarDate?
    public var state: ProcessingState?
    /// The lead handler as it stands.
    public var handlerID: String?
    public var coordinatingIDs: [String]
    /// An earlier entry with the same sender, number and symbol: a likely duplicate.
    public var duplicateOf: String?
    /// What checking the original's signature at registration found: nil when it carried none.
    public var signatureCheck: String?

    // Withdrawal (outgoing); the number stays taken.
    public var withdrawnAt: Date?
    public var withdrawnBy: String?
    public var withdrawReason: String?

    public init(
        id: String, registerID: String, kind: RegisterKind, series: String, number: Int, year: Int, symbol: String,
        type: String, summary: String, documentDate: CalendarDate? = nil, classification: Classification = .internal,
        urgency: Urgency = .normal, pages: Int? = nil, documentID: String? = nil, note: String? = nil,
        registeredBy: String, registeredAt: Date, signer: String? = nil, recipients: [String] = [], keptBy: String? = nil,
        copies: Int? = nil, answersID: String? = nil, noticeID: String? = nil, sender: String? = nil,
        senderSymbol: String? = nil, arrivedAt: Date? = nil, deadline: CalendarDate? = nil, state: ProcessingState? = nil,
        handlerID: String? = nil, coordinatingIDs: [String] = [], duplicateOf: String? = nil, signatureCheck: String? = nil,
        backEntered: Bool = false
    ) {
        self.id = id
        self.registerID = registerID
        self.kind = kind
        self.series = series
        self.number = number
        self.year = year
        self.symbol = symbol
        self.type = type
        self.summary = summary
        self.documentDate = documentDate
        self.classification = classification
        self.urgency = urgency
        self.pages = pages
        self.documentID = documentID
        self.note = note
        self.registeredBy = registeredBy
        self.registeredAt = registeredAt
        self.signer = signer
        self.recipients = recipients
        self.keptBy = keptBy
        self.copies = copies
        self.answersID = answersID
        self.noticeID = noticeID
        self.sender = sender
        self.senderSymbol = senderSymbol
        self.arrivedAt = arrivedAt
        self.deadline = deadline
        self.state = state
        self.handlerID = handlerID
        self.coordinatingIDs = coordinatingIDs
        self.duplicateOf = duplicateOf
        self.signatureCheck = signatureCheck
        self.backEntered = backEntered
    }

    /// One form for a sender's number and symbol however it was typed: what finds a likely duplicate.
    public static func senderKey(_ sender: String, _ symbol: String) -> String {
        CanonicalName.key(sender) + "\u{1F}" + CanonicalName.key(symbol.filter { !$0.isWhitespace })
    }

    /// Whether `userID` is the lead or a coordinating handler.
    public func isHandled(by userID: String) -> Bool {
        handlerID == userID || coordinatingIDs.contains(userID)
    }
}
