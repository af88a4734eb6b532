import Foundation

/// Where a task is in its life: assigned → in progress → completed or cancelled.
public enum TaskStatus: String, Sendable, Codable, CaseIterable, NamedValue {
    case assigned
    case inProgress = "in-progress"
    case completed
    case cancelled
    public static let kind = "task status"

    /// The states a task may move to from this one.
    public var next: [TaskStatus] {
        switch self {
        case .assigned: [.inProgress, .completed, .cancelled]
        case .inProgress: [.completed, .cancelled]
        case .completed, .cancelled: []
        }
    }
}
