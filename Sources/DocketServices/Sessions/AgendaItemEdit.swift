import DocketCore
import Foundation

/// Changes to an agenda item; nil fields stay as they are.
public struct AgendaItemEdit: Sendable {
    public var title: String?
    public var presenter: String?
    public var plannedMinutes: Int?
    public var status: AgendaItemStatus?
    public var documents: [String]?
    /// Move under this parent (number or id; "" for top level).
    public var parent: String?
    /// Move to this position among its siblings.
    public var position: Int?
    public var amendment: String?

    public init(
        title: String? = nil, presenter: String? = nil, plannedMinutes: Int? = nil, status: AgendaItemStatus? = nil,
        documents: [String]? = nil, parent: String? = nil, position: Int? = nil, amendment: String? = nil
    ) {
        self.title = title
        self.presenter = presenter
        self.plannedMinutes = plannedMinutes
        self.status = status
        self.documents = documents
        self.parent = parent
        self.position = position
        self.amendment = amendment
    }

    /// Whether the edit changes what the agenda says (not only how far the meeting got).
    var changesAgenda: Bool {
        title != nil || presenter != nil || plannedMinutes != nil || documents != nil || parent != nil || position != nil
    }
}
