import Foundation

/// Where an agenda item stands.
public enum AgendaItemStatus: String, Sendable, Codable, CaseIterable, NamedValue {
    case pending, discussed, deferred
    public static let kind = "agenda item status"
}

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

/// An item with its outline number ("1.2"), as agendas are shown.
public struct NumberedAgendaItem: Sendable, Codable, Equatable {
    public var number: String
    public var item: AgendaItem
    /// Set in what a reader is shown: true when `item` lists only the documents they may read
    /// and others were left out.
    public var withheldMaterial: Bool?

    public init(number: String, item: AgendaItem, withheldMaterial: Bool? = nil) {
        self.number = number
        self.item = item
        self.withheldMaterial = withheldMaterial
    }

    /// Items in outline order, numbered 1, 1.1, 1.2, 2, … from their parents and positions.
    public static func outline(_ items: [AgendaItem]) -> [NumberedAgendaItem] {
        let children = Dictionary(grouping: items, by: \.parentID)
        var result: [NumberedAgendaItem] = []
        func walk(_ parent: String?, prefix: String) {
            for item in (children[parent] ?? []).sorted(by: { ($0.position, $0.id) < ($1.position, $1.id) }) {
                let number = prefix.isEmpty ? String(item.position) : "\(prefix).\(item.position)"
                result.append(NumberedAgendaItem(number: number, item: item))
                walk(item.id, prefix: number)
            }
        }
        walk(nil, prefix: "")
        return result
    }
}

/// A frozen copy of the agenda, made each time it changes after invitations are out.
public struct AgendaVersion: Sendable, Codable, Equatable {
    public var sessionID: String
    /// 1 when invitations went out, then one more per change.
    public var version: Int
    public var items: [NumberedAgendaItem]
    /// What changed, in words.
    public var change: String
    public var createdBy: String
    public var createdAt: Date

    public init(
        sessionID: String, version: Int, items: [NumberedAgendaItem], change: String, createdBy: String, createdAt: Date
    ) {
        self.sessionID = sessionID
        self.version = version
        self.items = items
        self.change = change
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
