import DocketCore
import Foundation

/// The outcome of recomputing the audit chain.
public struct AuditVerification: Sendable, Codable, Equatable {
    /// How many events were checked.
    public var eventsChecked: Int64
    /// The first event that does not match, when one does not.
    public var firstBrokenSequence: Int64?
    /// What is wrong with it.
    public var problem: String?

    public var isIntact: Bool { problem == nil }
}
