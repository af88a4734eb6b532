import DocketCore
import Foundation

/// A change to one participant's attendance, by the clerk.
public struct AttendanceChange: Sendable {
    /// Username or id.
    public var user: String
    public var status: AttendanceStatus
    /// Arrival time when present (default now).
    public var at: Date?
    /// When they left early.
    public var leftAt: Date?
    public var reason: String?
    public var proxy: String?
    /// Required once the session is closed: why the record is corrected.
    public var amendment: String?

    public init(
        user: String, status: AttendanceStatus, at: Date? = nil, leftAt: Date? = nil, reason: String? = nil,
        proxy: String? = nil, amendment: String? = nil
    ) {
        self.user = user
        self.status = status
        self.at = at
        self.leftAt = leftAt
        self.reason = reason
        self.proxy = proxy
        self.amendment = amendment
    }
}

extension AttendanceChange {
    /// From what a clerk typed or sent: a status name and times (`at`, `leftAt`); times without a
    /// zone are in the office's `zone`.
    public init(
        user: String, status: String, at: String?, leftAt: String?, reason: String?, proxy: String?, amendment: String?,
        zone: TimeZone
    ) throws {
        self.init(
            user: user, status: try AttendanceStatus.parse(status, field: "status"),
            at: try at.map { try Timestamp.parse($0, field: "at", zone: zone) },
            leftAt: try leftAt.map { try Timestamp.parse($0, field: "leftAt", zone: zone) },
            reason: reason, proxy: proxy, amendment: amendment)
    }
}
