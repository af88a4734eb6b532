import DocketCore
import Foundation

/// What a clerk supplies to create a plan.
public struct NewPlan: Sendable {
    public var symbol: String
    public var title: String
    public var implements: String?
    public var groups: [PlanGroup]
    public var phases: [PlanPhase]

    public init(symbol: String, title: String, implements: String? = nil, groups: [PlanGroup] = [], phases: [PlanPhase] = []) {
        self.symbol = symbol
        self.title = title
        self.implements = implements
        self.groups = groups
        self.phases = phases
    }
}
