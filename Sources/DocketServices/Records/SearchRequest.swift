import DocketCore
import Foundation

/// What someone typed into search: words and "quoted phrases", and the facets to narrow by.
public struct SearchRequest: Sendable {
    public var text: String
    public var register: String?
    public var year: Int?
    public var type: String?
    public var sender: String?
    /// The agency code of the unit handling it.
    public var unit: String?
    public var classification: Classification?
    public var state: ProcessingState?
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Count the matches by register, year, type and state too.
    public var facets: Bool

    /// From what was typed or sent; dates are `YYYY-MM-DD`.
    public init(
        text: String, register: String? = nil, year: Int? = nil, type: String? = nil, sender: String? = nil,
        unit: String? = nil, classification: String? = nil, state: String? = nil, from: String? = nil, to: String? = nil, facets: Bool = false
    ) throws {
        self.facets = facets
        self.text = try TextInput.clean(text, field: "q")
        guard !SearchQuery.terms(self.text).isEmpty else {
            throw DocketError.invalid("q", "say what to look for: one or more words, or a \"phrase in quotes\"")
        }
        self.register = register
        self.year = year
        self.type = try type.map { try DocumentType.parse($0, field: "type") }
        self.sender = try TextInput.clean(optional: sender, field: "sender")
        self.unit = try TextInput.clean(optional: unit, field: "unit")
        self.classification = try Classification.parse(optional: classification, field: "classification")
        self.state = try ProcessingState.parse(optional: state, field: "state")
        self.from = try CalendarDate.parse(optional: from, field: "from")
        self.to = try CalendarDate.parse(optional: to, field: "to")
        if let from = self.from, let to = self.to, to < from {
            throw DocketError.invalid("to", "the range ends (\(to)) before it starts (\(from))")
        }
    }
}
