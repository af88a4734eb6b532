import DocketCore
import DocketServices
import Foundation
import HTTPTypes
import Hummingbird

/// The task report as of a date, grouped as the clerk chooses: a table, a bar per row, and the
/// same report as CSV or .xlsx from the API's own handler.
extension WebController {
    struct ReportView {
        struct Row {
            let label: String
            let total: Int
            let onTime: Int
            let late: Int
            let inProgress: Int
            let overdue: Int
            let notYetDue: Int
            let cancelled: Int
            let percent: String
            /// Bar widths out of 300: done on time, done late, overdue.
            let onTimeWidth: Int
            let lateWidth: Int
            let lateX: Int
            let overdueWidth: Int
            let overdueX: Int

            init(label: String, counts: TimelinessCounts) {
                self.label = label
                total = counts.total
                onTime = counts.completedOnTime
                late = counts.completedLate
                inProgress = counts.inProgress
                overdue = counts.overdue
                notYetDue = counts.notYetDue
                cancelled = counts.cancelled
                percent = counts.onTimePercent.map { String(format: "%.1f%%", $0) } ?? "—"
                let scale = { (count: Int) in counts.total == 0 ? 0 : count * 300 / counts.total }
                onTimeWidth = scale(counts.completedOnTime)
                lateWidth = scale(counts.completedLate)
                lateX = onTimeWidth
                overdueWidth = scale(counts.overdue)
                overdueX = onTimeWidth + lateWidth
            }
        }
        struct Choice {
            let value: String
            let label: String
            let selected: Bool
        }
        let page: Chrome
        let asOf: String
        let asOfInput: String
        let groupings: [Choice]
        let rows: [Row]
        let totals: Row
        /// The same report as CSV and as .xlsx.
        let csv: String
        let xlsx: String
    }

    @Sendable func reportPage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let value = { (name: String) in request.query(name) }
        // A date or grouping that does not parse: today's report by agency, the problem named and the typed date kept.
        var problem: DocketError?
        let query: TaskReportQuery
        do {
            query = try TaskReportQuery(plan: value("plan"), asOf: value("asOf"), by: value("by"), against: nil, dueSoon: nil)
        } catch let error as DocketError where error.code == .invalidInput && error.field != "plan" {
            problem = error
            query = try TaskReportQuery(plan: value("plan"), asOf: nil, by: nil, against: nil, dueSoon: nil)
        }
        let report = try await docket.tasks.report(query, as: context.user())
        let names: [(TaskReportGrouping, String)] = [
            (.agency, "Cơ quan chủ trì"), (.group, "Nhóm nhiệm vụ"), (.phase, "Giai đoạn"), (.dueMonth, "Tháng đến hạn"), (.plan, "Kế hoạch"),
        ]
        var download = ["asOf": report.asOf.description, "by": report.by.rawValue]
        download["plan"] = report.plan
        return pages.page(
            "report",
            ReportView(
                page: Chrome("Báo cáo nhiệm vụ", context: context, problem: problem), asOf: LocalTime.day(report.asOf),
                asOfInput: problem == nil ? LocalTime.day(report.asOf) : value("asOf") ?? "",
                groupings: names.map { ReportView.Choice(value: $0.0.rawValue, label: $0.1, selected: $0.0 == report.by) },
                rows: report.rows.map { ReportView.Row(label: $0.label, counts: $0.counts) },
                totals: ReportView.Row(label: "Tổng cộng", counts: report.totals),
                csv: Self.link("/reports/tasks/download", download.merging(["format": "csv"]) { $1 }),
                xlsx: Self.link("/reports/tasks/download", download.merging(["format": "xlsx"]) { $1 })))
    }
}
