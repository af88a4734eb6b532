import Foundation

/// A phase of a plan (giai đoạn) with its date range.
public struct PlanPhase: Sendable, Codable, Equatable {
    /// Short name used in imports and reports, e.g. `2025` or `GĐ1`.
    public var code: String
    public var starts: CalendarDate
    public var ends: CalendarDate

    public init(code: String, starts: CalendarDate, ends: CalendarDate) {
        self.code = code
        self.starts = starts
        self.ends = ends
    }
}
