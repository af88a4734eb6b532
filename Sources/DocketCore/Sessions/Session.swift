import Foundation

/// A meeting of a body, numbered per body ("Phiên họp thứ 2").
public struct Session: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var bodyID: String
    /// 1, 2, … within the body.
    public var number: Int
    public var title: String
    public var startsAt: Date
    public var endsAt: Date?
    public var location: String?
    public var state: SessionState
    /// The current agenda version: 0 while draft, 1 when invitations go out, one more per change.
    public var agendaVersion: Int
    /// The signed attendance record, made when the session closes.
    public var attendanceRecordID: String?
    public var createdBy: String
    public var createdAt: Date
    /// Held before Docket and recorded afterwards: nothing about it is issued or delivered today.
    public var backEntered: Bool

    public init(
        id: String, bodyID: String, number: Int, title: String, startsAt: Date, endsAt: Date?, location: String?,
        state: SessionState, agendaVersion: Int = 0, attendanceRecordID: String? = nil, createdBy: String, createdAt: Date,
        backEntered: Bool = false
    ) {
        self.id = id
        self.bodyID = bodyID
        self.number = number
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.location = location
        self.state = state
        self.agendaVersion = agendaVersion
        self.attendanceRecordID = attendanceRecordID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.backEntered = backEntered
    }
}
