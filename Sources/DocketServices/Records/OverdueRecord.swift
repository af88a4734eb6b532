import DocketCore
import Foundation

/// An incoming document past its processing deadline as of a date, with who had it then.
public struct OverdueRecord: Sendable, Codable, Equatable {
    public var entryID: String
    public var register: String
    public var number: Int
    public var sender: String
    public var senderSymbol: String
    public var summary: String
    public var deadline: CalendarDate
    public var daysOverdue: Int
    /// The state as of the date.
    public var state: ProcessingState
    public var handler: String?
    /// The handler's agency (unit).
    public var unit: String?
}

/// The overdue report: documents past their deadline as of `asOf`, and how many each handler and unit has.
public struct OverdueRecords: Sendable, Codable, Equatable {
    public var asOf: CalendarDate
    public var records: [OverdueRecord]
    public var byHandler: [String: Int]
    public var byUnit: [String: Int]
}
