import Foundation

/// A numbered group of a plan's tasks (nhóm nhiệm vụ).
public struct PlanGroup: Sendable, Codable, Equatable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}
