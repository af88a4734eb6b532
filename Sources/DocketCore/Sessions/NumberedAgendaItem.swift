import Foundation

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
