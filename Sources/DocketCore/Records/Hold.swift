import Foundation

/// A hold for an inspection, a complaint or a case: the dossiers it covers cannot be closed out,
/// transferred or disposed of, by anyone, until it is released.
public struct Hold: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var reason: String
    public var dossierIDs: [String]
    public var placedBy: String
    public var placedAt: Date
    public var releasedBy: String?
    public var releasedAt: Date?
    public var releaseReason: String?

    public init(id: String, reason: String, dossierIDs: [String], placedBy: String, placedAt: Date) {
        self.id = id
        self.reason = reason
        self.dossierIDs = dossierIDs
        self.placedBy = placedBy
        self.placedAt = placedAt
    }

    public var isActive: Bool { releasedAt == nil }
}
