import Foundation

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
