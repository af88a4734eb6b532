import Foundation

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
