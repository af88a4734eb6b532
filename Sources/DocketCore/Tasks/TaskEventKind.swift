import Foundation

/// What happened to a task.
public enum TaskEventKind: String, Sendable, Codable, CaseIterable {
    /// A change of status; `status` says to what.
    case status
    /// A deadline extension; `deadline` is the new one.
    case `extension`
    /// A progress report by the lead agency.
    case progress
}
