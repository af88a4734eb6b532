import DocketCore
import Foundation

/// A participant as people read it: with their username and bridge point.
public struct ParticipantView: Sendable, Codable, Equatable {
    public var userID: String
    public var username: String
    public var agency: String?
    public var role: ParticipantRole
    public var bridgePoint: String?
    public var status: AttendanceStatus
    public var arrivedAt: Date?
    /// Arrived after the session's start.
    public var late: Bool
    public var leftAt: Date?
    public var reason: String?
    public var proxy: String?

    /// Checked in and not yet left.
    public var isInRoom: Bool { status == .present && leftAt == nil }
}
