import DocketCore
import Foundation

/// A document numbered before Docket, on paper, and entered afterwards: the date it bears and,
/// when known, the number it was given (otherwise the next of the series its date falls in).
/// Entered so, it is marked back-entered wherever it shows, and nothing is delivered for it.
public struct BackEntry: Sendable, Equatable {
    public var date: CalendarDate
    public var number: Int?

    public init(date: CalendarDate, number: Int? = nil) {
        self.date = date
        self.number = number
    }

    /// From what a clerk typed or sent for a notice: `backEntered`, its number and its `date` as
    /// people type dates; nil when it is not back-entered.
    public init?(backEntered: Bool, number: Int?, date: String?) throws {
        if !backEntered, date != nil {
            throw DocketError.invalid("date", "a notice issued now bears today's date; a date is given only to a back-entered one")
        }
        guard let entry = try Self.from(
            backEntered: backEntered, number: number, date: try CalendarDate.parse(optional: date, field: "date"),
            dateField: "date", today: nil)
        else { return nil }
        self = entry
    }

    /// From what a clerk typed or sent: `backEntered`, the `number`, and the document's date
    /// (`dateField` names where it came from). A number without `backEntered` is refused: Docket
    /// numbers what it registers itself.
    static func from(backEntered: Bool, number: Int?, date: CalendarDate?, dateField: String, today: CalendarDate?) throws -> BackEntry? {
        guard backEntered else {
            if let number {
                throw DocketError.invalid(
                    "number", "Docket numbers what it registers; a number (\(number)) is given only to a back-entered document, one numbered on paper before")
            }
            return nil
        }
        guard let date else {
            throw DocketError.invalid(dateField, "a back-entered document is entered with the date it bears on paper; give \(dateField)")
        }
        if let today, date > today {
            throw DocketError.invalid(dateField, "a back-entered document was numbered before today; \(date) is in the future")
        }
        return BackEntry(date: date, number: number)
    }
}
