import DocketCore
import Foundation

/// Times as people read them: "08:00 ngày 10/03/2025", in the office's time zone. Machine formats
/// stay ISO 8601 in UTC (`Timestamp`).
public enum LocalTime {
    /// `08:00 ngày 10/03/2025`.
    public static func dateTime(_ date: Date, in zone: TimeZone) -> String {
        "\(time(date, in: zone)) ngày \(day(date, in: zone))"
    }

    /// `10/03/2025`.
    public static func day(_ date: Date, in zone: TimeZone) -> String {
        day(CalendarDate(date, in: zone))
    }

    /// `10/03/2025`.
    public static func day(_ date: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }

    /// `08:00`.
    public static func time(_ date: Date, in zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970) + zone.secondsFromGMT(for: date)
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
