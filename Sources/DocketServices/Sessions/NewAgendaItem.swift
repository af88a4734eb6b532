import DocketCore
import Foundation

/// A new agenda item.
public struct NewAgendaItem: Sendable {
    public var title: String
    public var presenter: String?
    public var plannedMinutes: Int?
    /// The parent item's number (e.g. `1`) or id; nil for a top-level item.
    public var parent: String?
    /// Where among its siblings, from 1; nil puts it last.
    public var position: Int?
    public var documents: [String]
    public var amendment: String?

    public init(
        title: String, presenter: String? = nil, plannedMinutes: Int? = nil, parent: String? = nil, position: Int? = nil,
        documents: [String] = [], amendment: String? = nil
    ) {
        self.title = title
        self.presenter = presenter
        self.plannedMinutes = plannedMinutes
        self.parent = parent
        self.position = position
        self.documents = documents
        self.amendment = amendment
    }
}
