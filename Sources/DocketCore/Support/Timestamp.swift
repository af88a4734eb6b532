import Foundation

/// RFC 3339 timestamps in UTC with milliseconds, the one textual time format Docket writes.
public enum Timestamp {
    /// e.g. `2026-11-23T07:06:14.123Z`, to the nearest millisecond, so a date that went through
    /// storage (where binary floating point can move it by a hair) prints the same.
    public static func string(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(millis.floorDivided(by: 1000))
        let milli = Int(millis - millis.floorDivided(by: 1000) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Hand-formatted: the audit log formats one of these per event it hashes.
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4)
        out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        out.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2)
        out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        out.append(UInt8(ascii: "."))
        digits(milli, 3)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Rounds `date` down to whole milliseconds, the precision Docket stores. The result sits a
    /// quarter millisecond into that millisecond, so storage that truncates keeps the same one;
    /// a time read back a hair below its millisecond (binary floating point) keeps it too.
    public static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: ((date.timeIntervalSince1970 * 1000 + 0.001).rounded(.down) + 0.25) / 1000)
    }

    /// Parses `2025-03-10` or a time with a zone: `2025-03-10T08:00+07:00`, `2025-03-10T08:00:00Z`,
    /// `2025-03-10T08:00:00.250+07:00`. Given the office's `zone`, it also takes what people type:
    /// `10/03/2025 08:00`, `08:00 ngày 10/03/2025` (as Docket prints it) and times without a zone,
    /// all in that zone, and a date alone is its midnight there (else UTC midnight). Anything else,
    /// and a time without a zone when no zone is given, is an error naming `field`: a time is
    /// never guessed or silently dropped.
    public static func parse(_ text: String, field: String, zone: TimeZone? = nil) throws -> Date {
        let pattern = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?/
        let invalid = DocketError.invalid(
            field, zone == nil
                ? "'\(text)' is not a date or a time with a zone; use e.g. 2025-03-10 or 2025-03-10T08:00+07:00"
                : "'\(text)' is not a date or a time; use e.g. 10/03/2025 08:00 or 2025-03-10T08:00 (the office's time zone)")
        var typed = text.trimmingCharacters(in: .whitespaces)
        if let zone {
            if let printed = typed.wholeMatch(of: /(\d{1,2}:\d{2}(?::\d{2})?) ngày (\S+)/) {
                typed = "\(printed.2) \(printed.1)"
            }
            let dayFirst = /(\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4})(?:[T ](.+))?/
            if let match = typed.wholeMatch(of: dayFirst) {
                guard let day = CalendarDate(String(match.1)) else { throw invalid }
                typed = day.description + (match.2.map { "T" + $0 } ?? "")
            }
        }
        guard let match = typed.wholeMatch(of: pattern) else { throw invalid }
        if match.4 != nil && match.8 == nil && zone == nil { throw invalid }
        // The pattern admits only digits here, so the conversions cannot fail.
        func number(_ digits: Substring?) -> Int { digits.flatMap { Int($0) } ?? 0 }
        let (year, month, day) = (number(match.1), number(match.2), number(match.3))
        let (hour, minute, second) = (number(match.4), number(match.5), number(match.6))
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { throw invalid }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Calendar rolls 30 February over into March; a changed day means the date does not exist.
        guard let base = calendar.date(from: components), calendar.component(.day, from: base) == day else { throw invalid }
        var offset = 0
        if let written = match.8 {
            if written != "Z", written != "z" {
                let digits = written.dropFirst().filter(\.isNumber)
                let minutes = number(digits.prefix(2)) * 60 + number(digits.suffix(2))
                offset = (written.first == "-" ? -1 : 1) * minutes * 60
            }
        } else if let zone {
            offset = zone.secondsFromGMT(for: base)
        }
        let fraction = match.7.flatMap { Double("0." + $0) } ?? 0
        return base.addingTimeInterval(fraction - Double(offset))
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
