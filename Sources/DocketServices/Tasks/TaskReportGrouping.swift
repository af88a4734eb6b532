import DocketCore
import Foundation

/// What report rows group tasks by.
public enum TaskReportGrouping: String, Sendable, Codable, CaseIterable, NamedValue {
    case plan, agency, group, phase
    case dueMonth = "due-month"
    public static let kind = "grouping"
}
