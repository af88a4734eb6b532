import Foundation

/// A numbered group of a plan's tasks (nhóm nhiệm vụ).
public struct PlanGroup: Sendable, Codable, Equatable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}

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

/// A plan or programme (kế hoạch, chương trình) that groups supervised tasks, e.g. the plan that
/// implements resolution 57-NQ/TW.
public struct Plan: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    /// The symbol of the document that issued the plan, e.g. `05-KH/TU`; unique.
    public var symbol: String
    public var title: String
    /// What the plan implements, e.g. `57-NQ/TW`.
    public var implements: String?
    public var groups: [PlanGroup]
    public var phases: [PlanPhase]
    /// The session whose conclusion notice created the plan, if one did.
    public var sessionID: String?
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, symbol: String, title: String, implements: String?, groups: [PlanGroup], phases: [PlanPhase],
        sessionID: String? = nil, createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.symbol = symbol
        self.title = title
        self.implements = implements
        self.groups = groups
        self.phases = phases
        self.sessionID = sessionID
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
