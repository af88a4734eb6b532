import Foundation

/// A user invited to a session, and their attendance.
public struct Participant: Sendable, Codable, Equatable {
    public var sessionID: String
    public var userID: String
    public var role: ParticipantRole
    public var bridgePointID: String?
    public var status: AttendanceStatus
    /// When they arrived (present) — later than the session's start means late.
    public var arrivedAt: Date?
    /// When they left before the session closed.
    public var leftAt: Date?
    /// Why they are absent.
    public var reason: String?
    /// Who represents them.
    public var proxy: String?

    public init(
        sessionID: String, userID: String, role: ParticipantRole, bridgePointID: String? = nil,
        status: AttendanceStatus = .invited, arrivedAt: Date? = nil, leftAt: Date? = nil, reason: String? = nil,
        proxy: String? = nil
    ) {
        self.sessionID = sessionID
        self.userID = userID
        self.role = role
        self.bridgePointID = bridgePointID
        self.status = status
        self.arrivedAt = arrivedAt
        self.leftAt = leftAt
        self.reason = reason
        self.proxy = proxy
    }

    /// Present in the room now: checked in and not yet left.
    public var isInRoom: Bool { status == .present && leftAt == nil }
}
