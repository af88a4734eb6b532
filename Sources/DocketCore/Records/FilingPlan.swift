import Foundation

/// Danh mục hồ sơ: a unit's headings for a year, each with its retention. Approved by a chair
/// before dossiers open under it; a change after approval is a new version.
public struct FilingPlan: Sendable, Codable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case draft, approved
    }

    /// One heading: dossiers open under it and take its code and retention.
    public struct Heading: Sendable, Codable, Equatable {
        public var code: String
        public var title: String
        /// The unit or person responsible.
        public var responsible: String?
        /// Years to keep; nil is permanent (vĩnh viễn).
        public var retentionYears: Int?

        public init(code: String, title: String, responsible: String?, retentionYears: Int?) {
            self.code = code
            self.title = title
            self.responsible = responsible
            self.retentionYears = retentionYears
        }
    }

    public var id: String
    /// The agency code of the unit.
    public var unit: String
    public var year: Int
    public var version: Int
    public var state: State
    public var headings: [Heading]
    public var createdBy: String
    public var createdAt: Date
    public var approvedBy: String?
    public var approvedAt: Date?

    public init(
        id: String, unit: String, year: Int, version: Int, state: State, headings: [Heading], createdBy: String,
        createdAt: Date, approvedBy: String? = nil, approvedAt: Date? = nil
    ) {
        self.id = id
        self.unit = unit
        self.year = year
        self.version = version
        self.state = state
        self.headings = headings
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
    }
}
