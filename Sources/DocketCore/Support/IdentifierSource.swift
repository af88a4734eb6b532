import Foundation

/// Where new identifiers come from; tests make them predictable.
public protocol IdentifierSource: Sendable {
    /// A new identifier for an object of `kind` (e.g. `doc`, `usr`).
    func make(_ kind: String) -> String
}
