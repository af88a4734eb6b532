import Foundation

/// A location joined to a session held in several places (điểm cầu).
public struct BridgePoint: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    public var name: String
    /// The code of the agency that hosts it.
    public var hostAgency: String

    public init(id: String, sessionID: String, name: String, hostAgency: String) {
        self.id = id
        self.sessionID = sessionID
        self.name = name
        self.hostAgency = hostAgency
    }
}
