import Foundation

/// Where "now" comes from; tests fix it.
public protocol TimeSource: Sendable {
    func now() -> Date
}
