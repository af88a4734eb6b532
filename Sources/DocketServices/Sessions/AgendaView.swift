import DocketCore
import Foundation

/// A session's agenda at one version.
public struct AgendaView: Sendable, Codable, Equatable {
    public var sessionID: String
    /// 0 while the session is a draft.
    public var version: Int
    public var items: [NumberedAgendaItem]
}
