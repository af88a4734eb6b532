import Foundation

/// Where an agenda item stands.
public enum AgendaItemStatus: String, Sendable, Codable, CaseIterable, NamedValue {
    case pending, discussed, deferred
    public static let kind = "agenda item status"
}
