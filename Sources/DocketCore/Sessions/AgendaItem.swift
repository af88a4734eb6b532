import Foundation

/// One item of a session's agenda; items nest under a parent (1, 1.1, 2).
public struct AgendaItem: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    public var parentID: String?
    /// Order among the items with the same parent, from 1.
    public var position: Int
    public var title: String
    public var presenter: String?
    public var plannedMinutes: Int?
    public var status: AgendaItemStatus
    /// Documents from the document store, in order.
    public var documentIDs: [String]

    public init(
        id: String, sessionID: String, parentID: String?, position: Int, title: String, presenter: String?,
        plannedMinutes: Int?, status: AgendaItemStatus = .pending, documentIDs: [String] = []
    ) {
        self.id = id
        self.sessionID = sessionID
        self.parentID = parentID
        self.position = position
        self.title = title
        self.presenter = presenter
        self.plannedMinutes = plannedMinutes
        self.status = status
        self.documentIDs = documentIDs
    }
}
