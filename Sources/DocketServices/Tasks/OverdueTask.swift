import DocketCore
import Foundation

/// An overdue task as the overdue list shows it.
public struct OverdueTask: Sendable, Codable, Equatable {
    public var id: String
    public var plan: String
    public var code: String
    public var title: String
    public var leadAgency: String
    public var deadline: CalendarDate
    public var daysOverdue: Int
    public var source: String?
    public var key: Bool
}
