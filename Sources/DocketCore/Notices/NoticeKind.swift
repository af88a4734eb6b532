import Foundation

/// What a notice is for.
public enum NoticeKind: String, Sendable, Codable, CaseIterable, NamedValue {
    /// Giấy mời: invites the participants to a session.
    case invitation
    /// Tells the participants the agenda changed.
    case agendaChange = "agenda-change"
    /// Thông báo kết luận: the session's conclusions.
    case conclusion
    /// Nhắc việc: reminds an agency of its tasks that are overdue or due soon.
    case reminder
    public static let kind = "notice kind"

    /// The document type in the symbol (GM giấy mời, TB thông báo, CV công văn).
    public var documentType: String {
        switch self {
        case .invitation: "GM"
        case .agendaChange, .conclusion: "TB"
        case .reminder: "CV"
        }
    }
}
