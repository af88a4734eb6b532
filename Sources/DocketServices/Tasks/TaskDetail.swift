import DocketCore
import Foundation

/// A task with its plan's symbol, its history, and how it stands today.
public struct TaskDetail: Sendable, Codable, Equatable {
    public var task: SupervisedTask
    public var plan: String
    public var timeliness: Timeliness
    public var history: [TaskEvent]
}
