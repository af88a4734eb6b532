import Foundation

/// How many of a body's entitled participants must be present.
public enum QuorumRule: String, Sendable, Codable, CaseIterable, NamedValue {
    /// More than half.
    case majority
    /// At least two thirds.
    case twoThirds = "two-thirds"
    public static let kind = "quorum rule"

    /// Whether `present` of `entitled` satisfies the rule.
    public func holds(present: Int, entitled: Int) -> Bool {
        guard entitled > 0 else { return false }
        switch self {
        case .majority: return present * 2 > entitled
        case .twoThirds: return present * 3 >= entitled * 2
        }
    }

    /// The rule in Vietnamese, for pages.
    public var vietnamese: String {
        switch self {
        case .majority: "quá nửa có mặt"
        case .twoThirds: "ít nhất hai phần ba có mặt"
        }
    }

    /// The rule in words, for reports.
    public var text: String {
        switch self {
        case .majority: "more than half present"
        case .twoThirds: "at least two thirds present"
        }
    }
}
