import Foundation

/// One task in a report: what rows group it by and how it stood on the report's date.
public struct TaskStandingRow: Sendable {
    public var id: String
    public var planID: String
    public var group: Int?
    public var phase: String?
    public var leadAgency: String
    public var standing: TaskStanding

    public init(id: String, planID: String, group: Int?, phase: String?, leadAgency: String, standing: TaskStanding) {
        self.id = id
        self.planID = planID
        self.group = group
        self.phase = phase
        self.leadAgency = leadAgency
        self.standing = standing
    }
}
