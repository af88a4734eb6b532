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
