/// One step in the processing of an incoming document.
public enum ProcessingStepKind: String, Sendable, Codable, CaseIterable, NamedValue {
    case register
    case submit
    /// Bút phê: the leader's direction (text, lead handler, coordinating handlers, deadline).
    case direct
    /// A handler's opinion, draft or note.
    case opinion
    /// Handed on to another lead handler.
    case forward
    case done
    case `return`
    public static let kind = "processing step"
}
