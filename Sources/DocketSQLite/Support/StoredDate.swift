import Foundation
import GRDB

/// Dates as GRDB stores them, `yyyy-MM-dd HH:mm:ss.SSS` in UTC (to the nearest millisecond), written
/// without GRDB's DateFormatter: going through ICU was 8 % of a registration's time in the writer.
enum StoredDate {
    static func text(_ date: Date) -> String {
        // As ICU does: milliseconds since 1970, rounded.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let millisecond = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int, at offset: Int, digits: Int) {
            var value = value
            for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[index] = UInt8(48 + value % 10)
                value /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, at: 0, digits: 4)
        put(Int(parts.tm_mon) + 1, at: 5, digits: 2)
        put(Int(parts.tm_mday), at: 8, digits: 2)
        put(Int(parts.tm_hour), at: 11, digits: 2)
        put(Int(parts.tm_min), at: 14, digits: 2)
        put(Int(parts.tm_sec), at: 17, digits: 2)
        put(millisecond, at: 20, digits: 3)
        bytes[4] = 45; bytes[7] = 45; bytes[10] = 32; bytes[13] = 58; bytes[16] = 58; bytes[19] = 46
        return String(decoding: bytes, as: UTF8.self)
    }

    static func value(_ date: Date?) -> DatabaseValue {
        date.map { text($0).databaseValue } ?? .null
    }
}
