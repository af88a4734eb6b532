import Foundation

/// Filters for listing tasks.
public struct TaskFilter: Sendable, Equatable {
    public var planID: String?
    /// Tasks this agency leads or coordinates.
    public var agency: String?
    public var status: TaskStatus?

    public init(planID: String? = nil, agency: String? = nil, status: TaskStatus? = nil) {
        self.planID = planID
        self.agency = agency
        self.status = status
    }
}
