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

extension NewPlan {
    /// A phase as typed or sent: its code and first and last days as `YYYY-MM-DD`.
    public typealias RawPhase = (code: String, starts: String, ends: String)

    /// From what a clerk typed or sent; a phase's dates are errors naming `phases`.
    public init(symbol: String, title: String, implements: String?, groups: [PlanGroup], phases: [RawPhase]) throws {
        self.init(
            symbol: symbol, title: title, implements: implements, groups: groups,
            phases: try phases.map { phase in
                PlanPhase(
                    code: phase.code.trimmingCharacters(in: .whitespaces), starts: try CalendarDate.parse(phase.starts, field: "phases"),
                    ends: try CalendarDate.parse(phase.ends, field: "phases"))
            })
    }
}
