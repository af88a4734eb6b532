import Foundation

/// Where a register's series continues from numbers taken before Docket (on paper): its first
/// Docket number. Set once, before that number is taken, with the reason.
public struct SeriesStart: Sendable, Codable, Equatable {
    public var registerID: String
    public var series: String
    /// The first number Docket takes; the numbers below it were taken before.
    public var nextNumber: Int
    public var reason: String
    public var startedBy: String
    public var startedAt: Date

    public init(registerID: String, series: String, nextNumber: Int, reason: String, startedBy: String, startedAt: Date) {
        self.registerID = registerID
        self.series = series
        self.nextNumber = nextNumber
        self.reason = reason
        self.startedBy = startedBy
        self.startedAt = startedAt
    }
}
