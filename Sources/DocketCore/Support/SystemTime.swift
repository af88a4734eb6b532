import Foundation

/// The wall clock, truncated to milliseconds (the precision Docket stores).
public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Timestamp.truncated(Date()) }
}
