import Foundation

/// A member of a body's roster: the people its quorum rule counts, whether or not a session
/// invites them.
public struct BodyMember: Sendable, Codable, Equatable {
    public var bodyID: String
    public var userID: String
    public var addedAt: Date

    public init(bodyID: String, userID: String, addedAt: Date) {
        self.bodyID = bodyID
        self.userID = userID
        self.addedAt = addedAt
    }
}
