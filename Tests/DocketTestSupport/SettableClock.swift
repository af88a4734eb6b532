import DocketCore
import Foundation
import Synchronization

/// A clock tests set by hand.
public final class SettableClock: TimeSource {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}
