/// Where an incoming document is in its processing (xử lý văn bản đến).
public enum ProcessingState: String, Sendable, Codable, CaseIterable, NamedValue {
    /// Registered by the clerk, not yet submitted.
    case registered
    /// Submitted to a leader for direction.
    case submitted
    /// The leader directed it to a lead handler.
    case directed
    /// A handler has started on it (an opinion, a draft, a forward).
    case handling
    /// Finished: answered by an outgoing document, or closed with a note.
    case done
    /// Sent back, with a reason.
    case returned
    public static let kind = "processing state"

    /// Whether the processing has ended.
    public var isClosed: Bool { self == .done || self == .returned }
}
