import Foundation

/// A calendar date without a time, `YYYY-MM-DD`: deadlines and completion dates. People may type
/// it as they write it, `31/03/2025` (also `31.03.2025`, `31-03-2025`, `1/4/2025`).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY` (`/`, `.` or `-` between, day and month of one or two
    /// digits); nil unless it names a day that exists.
    public init?(_ text: String) {
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "/.-".contains($0)) }) else { return nil }
        let parts = text.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        guard parts.count == 3, text.filter({ "/.-".contains($0) }).count == 2 else { return nil }
        let iso = parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2 && !text.contains("/") && !text.contains(".")
        let typed = (1...2).contains(parts[0].count) && (1...2).contains(parts[1].count) && parts[2].count == 4
        guard iso || typed,
            let year = Int(iso ? parts[0] : parts[2]), let month = Int(parts[1]), let day = Int(iso ? parts[2] : parts[0]),
            (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isValid(_ text: String) -> Bool { CalendarDate(text) != nil }

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY`, or throws naming `field`.
    public static func parse(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw DocketError.invalid(field, "'\(text)' is not a date; write e.g. 30/06/2025 or 2025-06-30")
        }
        return date
    }

    /// Parses a date when given; nil stays nil.
    public static func parse(optional text: String?, field: String) throws -> CalendarDate? {
        try text.map { try parse($0, field: field) }
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        self.init(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic without a Calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The instant the day begins in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        let midnightUTC = Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
        return midnightUTC.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: midnightUTC)))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// `YYYY-MM`, the month a deadline falls in.
    public var monthKey: String { String(format: "%04d-%02d", year, month) }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
