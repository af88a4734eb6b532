import Foundation

/// Filters for listing audit events.
public struct AuditFilter: Sendable, Equatable {
    public var subject: String?
    public var since: Date?
    public var actor: String?

    public init(subject: String? = nil, since: Date? = nil, actor: String? = nil) {
        self.subject = subject
        self.since = since
        self.actor = actor
    }
}
