import DocketCore
import Foundation

/// How a report is written out.
public enum ReportFormat: String, Sendable, CaseIterable, NamedValue {
    case table, json, csv, md, xlsx
    public static let kind = "format"

    /// The media type HTTP answers with.
    public var mediaType: String {
        switch self {
        case .table: "text/plain; charset=utf-8"
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .xlsx: Workbook.mediaType
        }
    }
}

extension TaskReport {
    static let columns = [
        "total", "completed on time", "completed late", "in progress", "overdue", "not yet due", "cancelled", "due soon",
        "on-time %",
    ]

    /// The report as a file in `format`: both front ends write reports through here.
    public func file(_ format: ReportFormat) async throws -> Data {
        guard format == .xlsx else { return Data(try rendered(format).utf8) }
        return try await Workbook.make(sheet: "Nhiệm vụ đến \(asOf)", rows: [header] + body)
    }

    private var header: [String] { [by.rawValue, "name"] + Self.columns }
    private var body: [[String]] { rows.map { [$0.key, $0.label] + Self.cells($0.counts) } + [["total", ""] + Self.cells(totals)] }

    /// The report as text in `format` (an .xlsx is a file: see `file(_:)`).
    public func rendered(_ format: ReportFormat) throws -> String {
        let (header, body) = (header, body)
        let title = "Tasks as of \(asOf)" + (plan.map { ", plan \($0)" } ?? "") + ", by \(by.rawValue)"
            + (basis == .original ? ", against original deadlines" : "") + "; due soon = within \(dueSoonDays) days"
        switch format {
        case .json:
            return String(decoding: try DocketJSON.pretty.encode(self), as: UTF8.self) + "\n"
        case .csv:
            return ([header] + body).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            let escape = { (cell: String) in cell.replacingOccurrences(of: "|", with: "\\|") }
            var out = "## \(title)\n\n| " + header.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + header.indices.map { $0 < 2 ? " --- |" : " ---: |" }.joined() + "\n"
            for row in body { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            return out
        case .table:
            let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
            var out = title + "\n"
            for row in [header] + body {
                out += row.enumerated().map { index, cell in
                    let pad = String(repeating: " ", count: widths[index] - cell.count)
                    return index < 2 ? cell + pad : pad + cell
                }.joined(separator: "  ") + "\n"
            }
            return out
        case .xlsx:
            throw DocketError.invalid("format", "an .xlsx report is a file, not text; write it to a file")
        }
    }

    static func cells(_ counts: TimelinessCounts) -> [String] {
        [counts.total, counts.completedOnTime, counts.completedLate, counts.inProgress, counts.overdue, counts.notYetDue,
         counts.cancelled, counts.dueSoon].map(String.init)
            + [counts.onTimePercent.map { String(format: "%.1f", $0) } ?? "-"]
    }
}
