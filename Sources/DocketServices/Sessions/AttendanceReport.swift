import DocketCore
import Foundation

/// Attendance of a session: counts per bridge point and whether quorum holds now.
public struct AttendanceReport: Sendable, Codable, Equatable {
    public struct Point: Sendable, Codable, Equatable {
        /// The bridge point's name; "main" for participants at no bridge point.
        public var bridgePoint: String
        public var invited: Int
        public var present: Int
        public var late: Int
        public var leftEarly: Int
        public var absent: Int
        public var represented: Int
        public var notRecorded: Int
    }

    public var sessionID: String
    public var state: SessionState
    public var quorumRule: String
    /// Who the quorum counts: the body's roster when it has one, else the session's chair and members.
    public var quorumBasis: QuorumBasis
    /// How many the quorum counts.
    public var entitled: Int
    /// Of those, how many are checked in and not left.
    public var entitledPresent: Int
    public var quorum: Bool
    public var points: [Point]
    public var participants: [ParticipantView]
}
