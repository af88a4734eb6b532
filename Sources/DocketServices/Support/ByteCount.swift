import DocketCore
import DocketCrypto
import Foundation

/// Human-readable byte counts (binary units) and their parsing.
public enum ByteCount {
    /// e.g. `512 MiB`, or `1.4 GiB` when not a whole number of units.
    public static func format(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let text = value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
        return "\(text) \(units[unit])"
    }

    /// Parses `512MiB`, `1GiB`, `100KiB`, `2048` (bytes).
    public static func parse(_ text: String, field: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let multipliers: [String: Int64] = [
            "": 1, "b": 1, "kib": 1 << 10, "k": 1 << 10, "mib": 1 << 20, "m": 1 << 20, "gib": 1 << 30, "g": 1 << 30,
        ]
        guard let number = Int64(digits), let multiplier = multipliers[unit], number > 0 else {
            throw DocketError.invalid(field, "'\(text)' is not a size; use e.g. 512MiB, 1GiB or 1048576")
        }
        return number * multiplier
    }
}
