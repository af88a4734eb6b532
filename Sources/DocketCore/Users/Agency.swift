import Foundation

/// A unit users belong to and tasks are assigned to (a department, a provincial committee).
public struct Agency: Sendable, Codable, Equatable {
    /// Short code, e.g. `VPTU`; users' `agency` field holds it.
    public var code: String
    public var name: String
    public var createdAt: Date

    public init(code: String, name: String, createdAt: Date) {
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}
