import DocketCore
import Foundation

/// What a clerk supplies to create a session.
public struct NewSession: Sendable {
    /// The body's code (e.g. `BCĐCĐS`) or id.
    public var body: String
    public var title: String
    public var startsAt: Date
    public var endsAt: Date?
    public var location: String?
    /// Held before Docket and recorded now: scheduling it issues no invitation, attendance is
    /// recorded at its real times, and its notices are entered with their paper numbers.
    public var backEntered: Bool

    public init(
        body: String, title: String, startsAt: Date, endsAt: Date? = nil, location: String? = nil, backEntered: Bool = false
    ) {
        self.body = body
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.location = location
        self.backEntered = backEntered
    }
}

extension NewSession {
    /// From what a clerk typed or sent (`startsAt` and `endsAt` everywhere): times without a zone
    /// are in the office's `zone`.
    public init(
        body: String, title: String, startsAt: String, endsAt: String?, location: String?, backEntered: Bool = false,
        zone: TimeZone
    ) throws {
        self.init(
            body: body, title: title, startsAt: try Timestamp.parse(startsAt, field: "startsAt", zone: zone),
            endsAt: try endsAt.map { try Timestamp.parse($0, field: "endsAt", zone: zone) }, location: location,
            backEntered: backEntered)
    }
}
