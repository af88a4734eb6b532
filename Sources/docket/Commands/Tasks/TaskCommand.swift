import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Supervised tasks: assign, follow up, report on timeliness as of any date.",
        subcommands: [
            Add.self, List.self, Show.self, Start.self, Complete.self, Cancel.self, Extend.self, Progress.self, Import.self,
            Report.self, Overdue.self, Scorecard.self, Remind.self,
        ])

    struct Add: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Assign a task in a plan (admin, clerk).")
        @Option(help: "Plan id or symbol.") var plan: String
        @Option(help: "Code, unique in the plan, e.g. 1.3.") var code: String
        @Option(help: "Title.") var title: String
        @Option(help: "Description.") var description: String?
        @Option(help: "Symbol of the notice that assigned it, e.g. 06-TB/BCĐCĐS.") var source: String?
        @Option(help: "Group number.") var group: Int?
        @Option(help: "Phase code.") var phase: String?
        @Option(name: [.customLong("lead-agency"), .customLong("lead")], help: "Lead agency code.") var lead: String
        @Option(name: [.customLong("coordinating-agencies"), .customLong("coordinating")], help: "A coordinating agency code (repeat for more).") var coordinating: [String] = []
        @Option(help: "Assignee's username.") var assignee: String?
        @Option(help: "Deadline, YYYY-MM-DD.") var deadline: String
        @Option(name: [.customLong("assigned-on"), .customLong("assigned")], help: "Day assigned, YYYY-MM-DD (default today).") var assigned: String?
        @Flag(help: "A key task (nhiệm vụ trọng tâm).") var key = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let task = try await docket.tasks.addTask(
                NewTask(
                    code: code, title: title, description: description, source: source, group: group, phase: phase,
                    leadAgency: lead, coordinatingAgencies: coordinating, assignee: assignee, deadline: deadline, key: key,
                    assignedOn: assigned),
                plan: plan, as: actor)
            if output.json { return try Output.json(task) }
            print("Assigned \(task.code) to \(task.leadAgency), due \(task.deadline) (\(task.id))")
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "List tasks by deadline; delegates see those their agency leads or coordinates.")
        @Option(help: "Plan id or symbol.") var plan: String?
        @Option(help: "Tasks this agency leads or coordinates.") var agency: String?
        @Option(help: "assigned, in-progress, completed, cancelled.") var status: String?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let status = try status.map { try TaskStatus.parse($0, field: "status") }
            let (docket, actor) = try await store.openActing()
            let tasks = try await docket.tasks.tasks(
                TaskFilter(agency: agency, status: status), plan: plan, page: paging.page(), as: actor)
            if output.json { return try Output.json(tasks) }
            Output.table(
                ["ID", "CODE", "LEAD", "DEADLINE", "STATUS", "%", "TITLE"],
                tasks.items.map {
                    [$0.id, $0.code, $0.leadAgency, $0.deadline.description, $0.status.rawValue, String($0.percent),
                     ($0.key ? "★ " : "") + $0.title]
                })
            print("\(tasks.items.count) of \(tasks.total) tasks")
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Show a task, how it stands today (or stood on a past day), and its history up to then.")
        @OptionGroup var reference: TaskReference
        @Option(help: "The day to see it as of, e.g. 30/06/2025 (default today).") var asOf: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let day = try CalendarDate.parse(optional: asOf, field: "asOf")
            let (docket, actor) = try await store.openActing()
            let detail = try await docket.tasks.task(reference.task, plan: reference.plan, asOf: day, as: actor)
            if output.json { return try Output.json(detail) }
            let task = detail.task
            print("\(detail.plan) \(task.code)  \(task.title)\(task.key ? "  (key task)" : "")")
            print("lead \(task.leadAgency)" + (task.coordinatingAgencies.isEmpty ? "" : "; with \(task.coordinatingAgencies.joined(separator: ", "))"))
            print("assigned \(task.assignedOn); deadline \(task.deadline)" + (task.deadline != task.originalDeadline ? " (originally \(task.originalDeadline))" : ""))
            print("now \(task.status.rawValue), \(task.percent)%" + (task.sourceSymbol.map { "; source \($0)" } ?? ""))
            let when = day == nil ? "today" : "on \(detail.asOf)"
            if let standing = detail.standing {
                print("\(when): \(standing.status.rawValue), \(standing.percent ?? 0)%, deadline \(standing.deadline) — \(detail.timeliness.rawValue)")
            } else {
                print("\(when): not assigned yet")
            }
            Output.table(
                ["#", "ON", "WHAT", "DETAIL"],
                detail.history.map { event in
                    let what: String
                    switch event.kind {
                    case .status: what = event.status?.rawValue ?? ""
                    case .extension: what = "deadline → \(event.deadline?.description ?? "")"
                    case .progress: what = "\(event.percent ?? 0)%"
                    }
                    let detail = [event.text, event.approvedBy.map { "approved by \($0)" }, event.documents.isEmpty ? nil : event.documents.joined(separator: ",")]
                        .compactMap { $0 }.joined(separator: "; ")
                    return [String(event.sequence), event.effectiveOn.description, what, detail]
                })
        }
    }

    struct Start: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Mark a task in progress (admin, clerk).")
        @OptionGroup var reference: TaskReference
        @Option(help: "The day, YYYY-MM-DD (default today).") var on: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let on = try CalendarDate.parse(optional: on, field: "on")
            let (docket, actor) = try await store.openActing()
            let task = try await docket.tasks.changeStatus(reference.task, plan: reference.plan, to: .inProgress, on: on, as: actor)
            if output.json { return try Output.json(task) }
            print("\(task.code) is in progress")
        }
    }

    struct Complete: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Record a task's completion with its evidence (admin, clerk).")
        @OptionGroup var reference: TaskReference
        @Option(help: "Completion date, YYYY-MM-DD (default today).") var on: String?
        @Option(name: .customLong("evidence"), help: "An evidence document id (repeatable).") var evidence: [String] = []
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let on = try CalendarDate.parse(optional: on, field: "on")
            let (docket, actor) = try await store.openActing()
            let task = try await docket.tasks.changeStatus(
                reference.task, plan: reference.plan, to: .completed, on: on, evidence: evidence, as: actor)
            if output.json { return try Output.json(task) }
            let late = (task.completedOn ?? task.deadline) > task.deadline
            print("\(task.code) completed on \(task.completedOn?.description ?? "")" + (late ? ", after its deadline \(task.deadline)" : ", on time"))
        }
    }

    struct Cancel: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Cancel a task, saying why (admin, clerk).")
        @OptionGroup var reference: TaskReference
        @Option(help: "Why.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let task = try await docket.tasks.changeStatus(
                reference.task, plan: reference.plan, to: .cancelled, reason: reason, as: actor)
            if output.json { return try Output.json(task) }
            print("\(task.code) cancelled")
        }
    }

    struct Extend: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Extend a task's deadline with a reason and who approved it (admin, clerk).",
            discussion: "The original deadline is kept; reports can count against either (--against).")
        @OptionGroup var reference: TaskReference
        @Option(name: [.customLong("deadline"), .customLong("to")], help: "The new deadline, YYYY-MM-DD.") var to: String
        @Option(help: "Why.") var reason: String
        @Option(name: .customLong("approved-by"), help: "Who approved it.") var approvedBy: String
        @Option(help: "The day it was approved, YYYY-MM-DD (default today).") var on: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let deadline = try CalendarDate.parse(to, field: "deadline")
            let on = try CalendarDate.parse(optional: on, field: "on")
            let (docket, actor) = try await store.openActing()
            let task = try await docket.tasks.extend(
                reference.task, plan: reference.plan, to: deadline, reason: reason, approvedBy: approvedBy, on: on, as: actor)
            if output.json { return try Output.json(task) }
            print("\(task.code) now due \(task.deadline) (originally \(task.originalDeadline))")
        }
    }

    struct Progress: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Report progress on a task (its lead or coordinating agency, or a clerk).")
        @OptionGroup var reference: TaskReference
        @Option(help: "Percent done, 0-100.") var percent: Int
        @Option(help: "What was done.") var text: String
        @Option(name: [.customLong("documents"), .customLong("doc")], help: "An attached document id (repeat for more).") var documents: [String] = []
        @Option(help: "The day of the report, YYYY-MM-DD (default today).") var on: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let on = try CalendarDate.parse(optional: on, field: "on")
            let (docket, actor) = try await store.openActing()
            let task = try await docket.tasks.reportProgress(
                reference.task, plan: reference.plan, percent: percent, text: text, documents: documents, on: on, as: actor)
            if output.json { return try Output.json(task) }
            print("\(task.code): \(task.percent)% reported")
        }
    }

    struct Import: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Import tasks into a plan from a UTF-8 CSV file (admin, clerk).",
            discussion: """
                A CSV file (`,` `;` or tab; UTF-8 or UTF-16) or an .xlsx workbook (its first sheet). Columns \
                (first line, English or Vietnamese): code (Mã), title (Tên nhiệm vụ), lead (Chủ trì), deadline \
                (Thời hạn) required; description, group, phase, coordinating (codes or names separated by ;), \
                assignee, key (x/yes/1), source, assigned (Ngày giao) optional. Dates as 30/06/2025 or 2025-06-30. \
                Every row is checked first; if any is wrong nothing is imported. Tasks are matched by code, so a \
                re-import updates and never duplicates.
                """)
        @Argument(help: "The CSV or .xlsx file.") var file: String
        @Option(help: "Plan id or symbol.") var plan: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let data = try InputFile.read(file, field: "file")
            let (docket, actor) = try await store.openActing()
            let result = try await docket.tasks.importTasks(file: data, plan: plan, as: actor)
            if output.json { return try Output.json(result) }
            print("\(result.plan): \(result.created.count) created, \(result.updated.count) updated, \(result.unchanged) unchanged")
            for update in result.updated { print("  updated \(update.code): \(update.fields.joined(separator: ", "))") }
        }
    }

    /// The options every report shares.
    struct ReportOptions: ParsableArguments {
        @Option(help: "Plan id or symbol (default every plan).") var plan: String?
        @Option(name: .customLong("as-of"), help: "The date, YYYY-MM-DD (default today).") var asOf: String?
        @Option(help: "Count against the current (extended, the default) or original deadlines.") var against: String?

        /// Parsed and defaulted by the service's query type, so the error names the field as it does over HTTP.
        func scope() throws -> TaskReportQuery {
            try TaskReportQuery(plan: plan, asOf: asOf, by: nil, against: against, dueSoon: nil)
        }
    }

    struct Report: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Count tasks by timeliness as of a date (readers of all tasks).",
            discussion: "Classes: completed on time, completed late, in progress, overdue, not yet due, cancelled; plus due soon.")
        @OptionGroup var options: ReportOptions
        @Option(help: "Rows: agency (the default), group, phase, plan, due-month.") var by: String?
        @Option(name: .customLong("due-soon"), help: "Due soon means within this many days (default 7).") var dueSoon: Int?
        @Option(help: "table, json, csv, md, xlsx (redirect it to a file).") var format: ReportFormat = .table
        @OptionGroup var store: StoreOptions
        @Flag(help: "Same as --format json.") var json = false

        func execute() async throws {
            let query = try TaskReportQuery(
                plan: options.plan, asOf: options.asOf, by: by, against: options.against, dueSoon: dueSoon)
            let (docket, actor) = try await store.openActing()
            let report = try await docket.tasks.report(query, as: actor)
            try Output.file(try await report.file(json ? .json : format), binary: format == .xlsx && !json)
        }
    }

    struct Overdue: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List tasks overdue as of a date, most overdue first.")
        @OptionGroup var options: ReportOptions
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let scope = try options.scope()
            let (docket, actor) = try await store.openActing()
            let overdue = try await docket.tasks.overdue(
                plan: scope.plan, asOf: scope.asOf, basis: scope.basis, page: paging.page(), as: actor)
            if output.json { return try Output.json(overdue) }
            Output.table(
                ["DAYS", "PLAN", "CODE", "LEAD", "DEADLINE", "SOURCE", "TITLE"],
                overdue.items.map {
                    [String($0.daysOverdue), $0.plan, $0.code, $0.leadAgency, $0.deadline.description, $0.source ?? "",
                     ($0.key ? "★ " : "") + $0.title]
                })
            print("\(overdue.items.count) of \(overdue.total) tasks overdue as of \(options.asOf ?? "today")")
        }
    }

    struct Scorecard: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Rank lead agencies by their on-time share as of a date.")
        @OptionGroup var options: ReportOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let scope = try options.scope()
            let (docket, actor) = try await store.openActing()
            let scores = try await docket.tasks.scorecard(plan: scope.plan, asOf: scope.asOf, basis: scope.basis, as: actor)
            if output.json { return try Output.json(scores) }
            Output.table(
                ["RANK", "AGENCY", "ON-TIME %", "ON TIME", "LATE", "OVERDUE", "OPEN", "NAME"],
                scores.map {
                    [String($0.rank), $0.agency, $0.counts.onTimePercent.map { String(format: "%.1f", $0) } ?? "-",
                     String($0.counts.completedOnTime), String($0.counts.completedLate), String($0.counts.overdue),
                     String($0.counts.inProgress + $0.counts.notYetDue), $0.name]
                })
        }
    }

    struct Remind: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Issue a reminder notice to each lead agency with tasks overdue or due within N days (admin, clerk).")
        @Option(help: "Due within this many days.") var within: Int
        @Option(help: "The body that issues the reminders (code or id); they take its CV numbers.") var body: String
        @Option(help: "Only this plan's tasks.") var plan: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let notices = try await docket.tasks.remind(within: within, body: body, plan: plan, as: actor)
            if output.json { return try Output.json(notices) }
            for notice in notices { print("Issued \(notice.symbol) to \(notice.agencies.joined(separator: ", ")): \(notice.title)") }
            if notices.isEmpty { print("No task is overdue or due within \(within) days; no reminder issued") }
        }
    }
}
