import Foundation

/// What a participant is in a session.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable, NamedValue {
    case chair, member, secretary, guest, expert
    public static let kind = "participant role"

    /// Whether the participant may vote and counts for quorum: the chair and the members.
    public var isEntitled: Bool { self == .chair || self == .member }
}
