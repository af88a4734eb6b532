import Foundation

/// Filters for listing documents.
public struct DocumentFilter: Sendable, Equatable {
    /// Only documents at or below this classification.
    public var maximumClassification: Classification
    /// Only these classifications, when set.
    public var classification: Classification?
    /// Only documents created by this user, when set.
    public var createdBy: String?
    /// Only documents this user created or was handed (agendas, notices, records), when set.
    public var readableBy: String?
    /// Case-insensitive substring of the title, taken literally, when set.
    public var titleContains: String?

    public init(
        maximumClassification: Classification = .topSecret, classification: Classification? = nil,
        createdBy: String? = nil, readableBy: String? = nil, titleContains: String? = nil
    ) {
        self.maximumClassification = maximumClassification
        self.classification = classification
        self.createdBy = createdBy
        self.readableBy = readableBy
        self.titleContains = titleContains
    }
}
