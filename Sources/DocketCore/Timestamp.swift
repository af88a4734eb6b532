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
    /// quarter millisecond into that millisecond, so storage that truncates keeps the same one.
    public static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: ((date.timeIntervalSince1970 * 1000).rounded(.down) + 0.25) / 1000)
    }

    /// Parses RFC 3339 / ISO 8601 with or without fractional seconds, or a plain date (UTC midnight).
    public static func parse(_ text: String, field: String) throws -> Date {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        for formatter in [withFraction, plain, dateOnly] {
            if let date = formatter.date(from: text) { return date }
        }
        throw DocketError.invalid(
            field, "'\(text)' is not a date or time; use e.g. 2025-03-10 or 2025-03-10T08:00:00+07:00")
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
