import DocketCore
import Foundation

/// Proof that a register's numbers run without a gap: for each series with entries in the year,
/// the numbers taken, and any number from 1 to the last that is missing or taken twice.
public struct GapReport: Sendable, Codable, Equatable {
    public struct Series: Sendable, Codable, Equatable {
        public var series: String
        public var count: Int
        public var last: Int
        public var missing: [Int]
        public var repeated: [Int]
    }

    public var register: String
    public var year: Int
    public var series: [Series]
    /// No number missing or repeated in any series.
    public var clean: Bool

    init(register: String, year: Int, numbers: [(series: String, number: Int)]) {
        self.register = register
        self.year = year
        series = Dictionary(grouping: numbers, by: \.series).sorted { $0.key < $1.key }.map { series, rows in
            let taken = rows.map(\.number)
            let last = taken.max() ?? 0
            let counts = Dictionary(taken.map { ($0, 1) }, uniquingKeysWith: +)
            return Series(
                series: series, count: taken.count, last: last, missing: (1...last).filter { counts[$0] == nil },
                repeated: counts.filter { $0.value > 1 }.map(\.key).sorted())
        }
        clean = series.allSatisfy { $0.missing.isEmpty && $0.repeated.isEmpty }
    }
}
