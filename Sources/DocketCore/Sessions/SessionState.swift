import Foundation

/// Where a session is in its life. Each state allows exactly one step forward.
public enum SessionState: String, Sendable, Codable, CaseIterable {
    case draft, scheduled, open, closed, archived

    /// The state a session may move to from this one.
    public var next: SessionState? {
        switch self {
        case .draft: .scheduled
        case .scheduled: .open
        case .open: .closed
        case .closed: .archived
        case .archived: nil
        }
    }

    /// The state from which a session may move to this one.
    public var previous: SessionState? { Self.allCases.first { $0.next == self } }
}

extension SessionState: NamedValue {
    public static let kind = "session state"
}
