import DocketCore
import Foundation

/// A unit's filing plan for a year as a clerk drafts it.
public struct NewFilingPlan: Sendable {
    public var unit: String
    public var year: Int
    public var headings: [FilingPlan.Heading]

    /// From what a clerk typed or sent: each heading's retention is a number of years (1 to 100)
    /// or `permanent` (vĩnh viễn).
    public init(unit: String, year: Int, headings: [(code: String, title: String, retention: String, responsible: String?)]) throws {
        guard (1900...2200).contains(year) else { throw DocketError.invalid("year", "\(year) is not a year such as 2025") }
        guard !headings.isEmpty else { throw DocketError.invalid("headings", "a filing plan has at least one heading") }
        self.unit = unit
        self.year = year
        var seen: Set<String> = []
        self.headings = try headings.enumerated().map { index, heading in
            let code = try RecordService.code(heading.code, field: "headings[\(index)].code", what: "a heading code")
            guard seen.insert(CanonicalName.key(code)).inserted else {
                throw DocketError.invalid("headings[\(index)].code", "the heading code \(code) appears twice")
            }
            return FilingPlan.Heading(
                code: code, title: try RecordService.line(heading.title, field: "headings[\(index)].title", limit: 500),
                responsible: try TextInput.clean(optional: heading.responsible, field: "headings[\(index)].responsible"),
                retentionYears: try Self.retention(heading.retention, field: "headings[\(index)].retention"))
        }
    }

    /// From a CSV of headings with the columns `code,title,retention,responsible` (the last optional).
    public init(unit: String, year: Int, csv: Data) throws {
        let records = try CSV.parse(csv)
        let columns = records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        guard columns.starts(with: ["code", "title", "retention"]) else {
            throw DocketError.invalid("headings", "the first line names the columns: code,title,retention,responsible")
        }
        try self.init(
            unit: unit, year: year,
            headings: records.dropFirst().map { record in
                let field = { (index: Int) in index < record.fields.count ? record.fields[index] : "" }
                return (field(0), field(1), field(2), field(3).isEmpty ? nil : field(3))
            })
    }

    /// Years, or nil for permanent.
    static func retention(_ text: String, field: String) throws -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if ["permanent", "vĩnh viễn", "vinh vien"].contains(CanonicalName.key(text)) { return nil }
        guard let years = Int(text), (1...100).contains(years) else {
            throw DocketError.invalid(field, "'\(text)' is not a retention: give 1 to 100 years, or permanent")
        }
        return years
    }
}
