import DocketCore
import Foundation

/// An agency's place in the scorecard.
public struct AgencyScore: Sendable, Codable, Equatable {
    /// Equal on-time shares share a rank.
    public var rank: Int
    public var agency: String
    public var name: String
    public var counts: TimelinessCounts
}
