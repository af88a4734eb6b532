import Foundation

/// A correction to a closed session, kept beside the original.
public struct Amendment: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    /// What was corrected, e.g. `attendance usr_…` or `conclusion con_…`.
    public var subject: String
    public var reason: String
    /// The record as it was, and as it is now (JSON).
    public var before: String
    public var after: String
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, sessionID: String, subject: String, reason: String, before: String, after: String, createdBy: String,
        createdAt: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.subject = subject
        self.reason = reason
        self.before = before
        self.after = after
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
