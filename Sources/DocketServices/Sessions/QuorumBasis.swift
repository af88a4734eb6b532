import DocketCore
import Foundation

/// Who a session's quorum counts.
public enum QuorumBasis: String, Sendable, Codable {
    /// Every member on the body's roster, invited or not.
    case bodyRoster = "body roster"
    /// The session's chair and members, for a body with no roster.
    case entitledParticipants = "entitled participants"
}
