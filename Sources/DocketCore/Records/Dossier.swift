import Foundation

/// Hồ sơ công việc: the documents of one piece of work, in order, on a filing plan's heading.
public struct Dossier: Sendable, Codable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Takes documents.
        case open
        /// Finished: takes no more documents.
        case closed
        /// Handed to the archive (nộp lưu).
        case transferred
        /// Destroyed by a decision; stubs and the signed record stay.
        case disposed
    }

    public var id: String
    /// `YEAR.HEADING.HSn`, e.g. `2025.03.HS12`.
    public var code: String
    public var planID: String
    public var headingCode: String
    public var number: Int
    public var title: String
    public var unit: String
    /// The clerk responsible.
    public var clerkID: String
    public var openedOn: CalendarDate
    public var closedOn: CalendarDate?
    /// Years to keep after it closes; nil is permanent.
    public var retentionYears: Int?
    /// Why the retention was raised above the heading's.
    public var retentionReason: String?
    /// Who may read it: users cleared for this level among readers of all records.
    public var accessLevel: Classification
    public var language: String
    public var state: State
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, code: String, planID: String, headingCode: String, number: Int, title: String, unit: String,
        clerkID: String, openedOn: CalendarDate, retentionYears: Int?, accessLevel: Classification, language: String,
        createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.code = code
        self.planID = planID
        self.headingCode = headingCode
        self.number = number
        self.title = title
        self.unit = unit
        self.clerkID = clerkID
        self.openedOn = openedOn
        self.retentionYears = retentionYears
        self.accessLevel = accessLevel
        self.language = language
        state = .open
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The day its retention has ended: retention counts whole years from the year after the work
    /// ended, so a dossier closed in 2025 and kept 5 years may go on 1 January 2031. Nil while
    /// open or when kept permanently.
    public var retentionEnds: CalendarDate? {
        guard let closedOn, let years = retentionYears else { return nil }
        return CalendarDate(String(format: "%04d-01-01", closedOn.year + years + 1))
    }

    /// The last day to hand it to the archive: dossiers kept 5 years or more go within a year
    /// after the work ended. Nil while open or when kept less.
    public var transferDue: CalendarDate? {
        guard let closedOn, (retentionYears ?? .max) >= 5 else { return nil }
        return CalendarDate(String(format: "%04d-12-31", closedOn.year + 1))
    }
}

extension Dossier.State: NamedValue {
    public static let kind = "dossier state"
}
