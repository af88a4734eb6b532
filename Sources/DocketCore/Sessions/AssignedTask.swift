import Foundation

/// A task a conclusion assigns, in the form task supervision takes over.
public struct AssignedTask: Sendable, Codable, Equatable {
    public var title: String
    /// Code of the lead agency (cơ quan chủ trì).
    public var leadAgency: String
    /// Codes of the coordinating agencies (cơ quan phối hợp).
    public var coordinatingAgencies: [String]
    /// The deadline, a calendar date `YYYY-MM-DD`.
    public var deadline: String

    public init(title: String, leadAgency: String, coordinatingAgencies: [String] = [], deadline: String) {
        self.title = title
        self.leadAgency = leadAgency
        self.coordinatingAgencies = coordinatingAgencies
        self.deadline = deadline
    }
}
