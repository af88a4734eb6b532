/// Độ khẩn: how fast a document must be handled.
public enum Urgency: String, Sendable, Codable, CaseIterable, NamedValue {
    case normal
    /// Khẩn.
    case urgent
    /// Thượng khẩn.
    case veryUrgent = "very-urgent"
    /// Hỏa tốc.
    case flash
    public static let kind = "urgency"

    /// The mark as printed on the register.
    public var mark: String {
        switch self {
        case .normal: ""
        case .urgent: "Khẩn"
        case .veryUrgent: "Thượng khẩn"
        case .flash: "Hỏa tốc"
        }
    }
}
