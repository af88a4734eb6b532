import Foundation

/// Where "now" comes from; tests fix it.
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// Where new identifiers come from; tests make them predictable.
public protocol IdentifierSource: Sendable {
    /// A new identifier for an object of `kind` (e.g. `doc`, `usr`).
    func make(_ kind: String) -> String
}

/// The wall clock, truncated to milliseconds (the precision Docket stores).
public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Timestamp.truncated(Date()) }
}

/// Random identifiers: the kind, a dash, and 20 lowercase base-32 characters (100 bits).
public struct RandomIdentifiers: IdentifierSource {
    public init() {}
    public func make(_ kind: String) -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var generator = SystemRandomNumberGenerator()
        return kind + "-" + String((0..<20).map { _ in alphabet[Int(generator.next() % 32)] })
    }
}
