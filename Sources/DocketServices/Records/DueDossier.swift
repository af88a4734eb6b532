import DocketCore
import Foundation

/// A closed dossier whose retention has ended, or whose transfer to the archive is due.
public struct DueDossier: Sendable, Codable, Equatable {
    public var code: String
    public var title: String
    public var closedOn: CalendarDate?
    public var retentionYears: Int?
    /// When its retention ended, or when its transfer is due.
    public var due: CalendarDate
    /// Holds that block it now.
    public var holds: [String]
}
