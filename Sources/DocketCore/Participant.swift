import Foundation

/// A location joined to a session held in several places (điểm cầu).
public struct BridgePoint: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    public var name: String
    /// The code of the agency that hosts it.
    public var hostAgency: String

    public init(id: String, sessionID: String, name: String, hostAgency: String) {
        self.id = id
        self.sessionID = sessionID
        self.name = name
        self.hostAgency = hostAgency
    }
}

/// What a participant is in a session.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable, NamedValue {
    case chair, member, secretary, guest, expert
    public static let kind = "participant role"

    /// Whether the participant may vote and counts for quorum: the chair and the members.
    public var isEntitled: Bool { self == .chair || self == .member }
}

/// Where a participant's attendance stands.
public enum AttendanceStatus: String, Sendable, Codable, CaseIterable, NamedValue {
    /// Invited; nothing recorded yet.
    case invited
    case present
    /// Absent, with a reason.
    case absent
    /// Represented by a proxy.
    case represented
    public static let kind = "attendance"
}

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

    /// The rule in words, for reports.
    public var text: String {
        switch self {
        case .majority: "more than half present"
        case .twoThirds: "at least two thirds present"
        }
    }
}
