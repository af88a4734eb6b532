import DocketCore

extension ParticipantRole {
    /// The role of an invitation from what a clerk typed or sent: a member when none is named.
    public static func invitation(_ name: String?) throws -> ParticipantRole {
        try parse(optional: name, field: "role") ?? .member
    }
}
