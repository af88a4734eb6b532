import DocketCore
import Foundation

/// Proof that a register's numbers run without a gap: for each series with entries in the year,
/// the numbers taken, and any number from the first to the last that is missing or taken twice.
/// The first is 1, or where the series continued from paper (a series start).
public struct GapReport: Sendable, Codable, Equatable {
    public struct Series: Sendable, Codable, Equatable {
        public var series: String
        /// The first number Docket took: 1, or the start set for a series continued from paper.
        public var first: Int
        /// Why the numbers below `first` are not in Docket, when they are not.
        public var startReason: String?
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

    init(register: String, year: Int, numbers: [(series: String, number: Int)], starts: [SeriesStart] = []) {
        self.register = register
        self.year = year
        let starts = Dictionary(starts.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        series = Dictionary(grouping: numbers, by: \.series).sorted { $0.key < $1.key }.map { series, rows in
            let taken = rows.map(\.number)
            let first = starts[series]?.nextNumber ?? 1
            let last = taken.max() ?? 0
            let counts = Dictionary(taken.map { ($0, 1) }, uniquingKeysWith: +)
            return Series(
                series: series, first: first, startReason: starts[series]?.reason, count: taken.count, last: last,
                missing: (first...max(first, last)).filter { counts[$0] == nil && $0 <= last },
                repeated: counts.filter { $0.value > 1 }.map(\.key).sorted())
        }
        clean = series.allSatisfy { $0.missing.isEmpty && $0.repeated.isEmpty }
    }
}
