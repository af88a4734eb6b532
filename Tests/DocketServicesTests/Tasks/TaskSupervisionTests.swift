import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// Timeliness as of a date, from each task's history. The plan's timeline (`supervisedPlan`):
///
///     code lead  deadline    history
///     1.1  VPTU  2025-03-31  progress 02-10, completed 03-20
///     1.2  VPTU  2025-03-31  completed 04-15 (late)
///     2.1  BTC   2025-04-30  extended on 04-25 to 06-30, completed 06-10
///     2.2  BTC   2025-05-15  never completed
///     2.3  STTTT 2025-09-30  cancelled 05-01
///     3    STTTT 2025-12-31  assigned 02-01
@Suite struct TaskSupervisionTests {
    /// [total, on time, late, in progress, overdue, not yet due, cancelled, due soon] per agency.
    func cells(_ report: TaskReport) -> [String: [Int]] {
        var cells: [String: [Int]] = [:]
        for row in report.rows + [TaskReport.Row(key: "total", label: "", counts: report.totals)] {
            let c = row.counts
            cells[row.key] = [c.total, c.completedOnTime, c.completedLate, c.inProgress, c.overdue, c.notYetDue, c.cancelled, c.dueSoon]
        }
        return cells
    }

    @Test(arguments: Backend.all) func everyCellOfTheReportAsOfFiveDates(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.supervisedPlan()
        let expected: [(String, DeadlineBasis, [String: [Int]], [String: Double?])] = [
            // Before anything was completed: 1.1 in progress, the rest not yet due; 3 assigned 02-01.
            ("2025-03-01", .current,
             ["VPTU": [2, 0, 0, 1, 0, 1, 0, 0], "BTC": [2, 0, 0, 0, 0, 2, 0, 0], "STTTT": [2, 0, 0, 0, 0, 2, 0, 0],
              "total": [6, 0, 0, 1, 0, 5, 0, 0]],
             ["VPTU": nil]),
            // The day before 1.2 was completed it is overdue.
            ("2025-04-14", .current,
             ["VPTU": [2, 1, 0, 0, 1, 0, 0, 0], "BTC": [2, 0, 0, 0, 0, 2, 0, 0], "STTTT": [2, 0, 0, 0, 0, 2, 0, 0],
              "total": [6, 1, 0, 0, 1, 4, 0, 0]],
             ["VPTU": 50.0]),
            // The day after, completed late. 2.1 is due in 6 days: the extension of 04-25 does not apply yet.
            ("2025-04-24", .current,
             ["VPTU": [2, 1, 1, 0, 0, 0, 0, 0], "BTC": [2, 0, 0, 0, 0, 2, 0, 1], "STTTT": [2, 0, 0, 0, 0, 2, 0, 0],
              "total": [6, 1, 1, 0, 0, 4, 0, 1]],
             ["VPTU": 50.0, "BTC": nil]),
            // After the extension 2.1 is not yet due; 2.2 is overdue; 2.3 cancelled.
            ("2025-05-20", .current,
             ["VPTU": [2, 1, 1, 0, 0, 0, 0, 0], "BTC": [2, 0, 0, 0, 1, 1, 0, 0], "STTTT": [2, 0, 0, 0, 0, 1, 1, 0],
              "total": [6, 1, 1, 0, 1, 2, 1, 0]],
             ["BTC": 0.0, "STTTT": nil]),
            // Against the original deadline 2.1 is overdue already.
            ("2025-05-20", .original,
             ["VPTU": [2, 1, 1, 0, 0, 0, 0, 0], "BTC": [2, 0, 0, 0, 2, 0, 0, 0], "STTTT": [2, 0, 0, 0, 0, 1, 1, 0],
              "total": [6, 1, 1, 0, 2, 1, 1, 0]],
             ["BTC": 0.0]),
            // 2.1 completed on 06-10: on time against the extended deadline, late against the original.
            ("2025-06-12", .current,
             ["VPTU": [2, 1, 1, 0, 0, 0, 0, 0], "BTC": [2, 1, 0, 0, 1, 0, 0, 0], "STTTT": [2, 0, 0, 0, 0, 1, 1, 0],
              "total": [6, 2, 1, 0, 1, 1, 1, 0]],
             ["BTC": 50.0, "total": 50.0]),
            ("2025-06-12", .original,
             ["VPTU": [2, 1, 1, 0, 0, 0, 0, 0], "BTC": [2, 0, 1, 0, 1, 0, 0, 0], "STTTT": [2, 0, 0, 0, 0, 1, 1, 0],
              "total": [6, 1, 2, 0, 1, 1, 1, 0]],
             ["BTC": 0.0, "total": 25.0]),
        ]
        for (day, basis, rows, percents) in expected {
            let report = try await store.docket.tasks.report(
                TaskReportQuery(plan: "05-KH/TU", asOf: date(day), by: .agency, basis: basis), as: store.auditor)
            #expect(cells(report) == rows, "as of \(day) against \(basis) deadlines")
            for (key, percent) in percents {
                let counts = key == "total" ? report.totals : report.rows.first { $0.key == key }?.counts
                #expect(counts?.onTimePercent == percent, "on-time % of \(key) as of \(day), \(basis)")
            }
        }
        // Before the plan's first task was assigned there is nothing to count.
        let empty = try await store.docket.tasks.report(TaskReportQuery(plan: "05-KH/TU", asOf: date("2025-01-01")), as: store.clerk)
        #expect(empty.rows.isEmpty && empty.totals.total == 0)
    }

    @Test(arguments: Backend.all) func aTaskCompletedLateIsOverdueTheDayBeforeAndLateTheDayAfter(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.supervisedPlan()
        let detail = try await store.docket.tasks.task("1.2", plan: "05-KH/TU", as: store.clerk)
        let timeliness = { (day: String) in
            TaskStanding(detail.task, events: detail.history, asOf: date(day), basis: .current)?.timeliness(asOf: date(day))
        }
        #expect(timeliness("2025-03-31") == .notYetDue)  // due that day, not yet overdue
        #expect(timeliness("2025-04-14") == .overdue)
        #expect(timeliness("2025-04-15") == .completedLate)
        #expect(timeliness("2025-04-16") == .completedLate)
        #expect(detail.timeliness == .completedLate)
        #expect(detail.history.map(\.kind) == [.status, .status])
    }

    @Test(arguments: Backend.all) func theReportAgreesWithEachTasksHistoryReplayed(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.supervisedPlan()
        let tasks = try await store.docket.tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk).items
        var details: [TaskDetail] = []
        for task in tasks { details.append(try await store.docket.tasks.task(task.id, as: store.clerk)) }
        var day = date("2025-01-01")
        while day <= date("2025-12-31") {
            for basis in DeadlineBasis.allCases {
                let expected = Self.replay(details, asOf: day, basis: basis)
                let totals = try await store.docket.tasks.report(
                    TaskReportQuery(plan: "05-KH/TU", asOf: day, by: .dueMonth, basis: basis), as: store.clerk
                ).totals
                let reported = [
                    "total": totals.total, "on time": totals.completedOnTime, "late": totals.completedLate,
                    "in progress": totals.inProgress, "overdue": totals.overdue, "not yet due": totals.notYetDue,
                    "cancelled": totals.cancelled, "due soon": totals.dueSoon,
                ]
                #expect(reported == expected, "as of \(day), \(basis)")
            }
            day = day.adding(days: 5)
        }
    }

    /// DESIGN.md's definition of timeliness as of a day, replayed from each task's history by hand
    /// (not with the classification the service uses): only tasks assigned by then count; the
    /// latest status and, against current deadlines, the latest extension in effect on the day
    /// decide.
    static func replay(_ details: [TaskDetail], asOf day: CalendarDate, basis: DeadlineBasis) -> [String: Int] {
        var counts = ["total": 0, "on time": 0, "late": 0, "in progress": 0, "overdue": 0, "not yet due": 0, "cancelled": 0, "due soon": 0]
        for detail in details where detail.task.assignedOn <= day {
            let inEffect = detail.history.filter { $0.effectiveOn <= day }
                .sorted { ($0.effectiveOn, $0.sequence) < ($1.effectiveOn, $1.sequence) }
            let lastStatus = inEffect.last { $0.kind == .status }
            let status = lastStatus?.status ?? .assigned
            var deadline = detail.task.originalDeadline
            if basis == .current, let extended = inEffect.last(where: { $0.kind == .extension })?.deadline { deadline = extended }
            counts["total", default: 0] += 1
            switch status {
            case .cancelled: counts["cancelled", default: 0] += 1
            case .completed: counts[(lastStatus?.effectiveOn ?? day) <= deadline ? "on time" : "late", default: 0] += 1
            case .assigned, .inProgress:
                if deadline < day {
                    counts["overdue", default: 0] += 1
                } else {
                    counts[status == .inProgress ? "in progress" : "not yet due", default: 0] += 1
                    if day.days(until: deadline) <= 7 { counts["due soon", default: 0] += 1 }
                }
            }
        }
        return counts
    }

    @Test(arguments: Backend.all) func rowsByGroupPhaseMonthAndPlan(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.supervisedPlan()
        let asOf = date("2025-05-20")
        let report = { (by: TaskReportGrouping) in
            try await store.docket.tasks.report(TaskReportQuery(plan: "05-KH/TU", asOf: asOf, by: by), as: store.chair)
        }
        let groups = try await report(.group)
        #expect(groups.rows.map(\.key) == ["1", "2", "-"])
        #expect(groups.rows.map(\.label) == ["Hoàn thiện thể chế", "Hạ tầng số", "(no group)"])
        #expect(cells(groups)["2"] == [3, 0, 0, 0, 1, 1, 1, 0])
        let phases = try await report(.phase)
        #expect(phases.rows.map(\.key) == ["GĐ1", "GĐ2", "-"])
        #expect(cells(phases)["GĐ1"] == [3, 1, 1, 0, 0, 1, 0, 0])
        let months = try await report(.dueMonth)
        #expect(months.rows.map(\.key) == ["2025-03", "2025-05", "2025-06", "2025-09", "2025-12"])
        #expect(cells(months)["2025-06"] == [1, 0, 0, 0, 0, 1, 0, 0])  // 2.1 counts in the month of its extended deadline
        let plans = try await store.docket.tasks.report(TaskReportQuery(asOf: asOf, by: .plan), as: store.chair)
        #expect(plans.rows.map(\.key) == ["05-KH/TU"])
        #expect(plans.totals == groups.totals)
    }

    @Test(arguments: Backend.all) func overdueListAndScorecard(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.supervisedPlan()
        let overdue = try await store.docket.tasks.overdue(asOf: date("2025-05-20"), page: .first, as: store.auditor)
        #expect(overdue.items.map(\.code) == ["2.2"])
        #expect(overdue.items.first?.daysOverdue == 5)
        #expect(overdue.items.first?.source == "57-NQ/TW")
        let original = try await store.docket.tasks.overdue(asOf: date("2025-05-20"), basis: .original, page: .first, as: store.auditor)
        #expect(original.items.map(\.code) == ["2.1", "2.2"])
        let scores = try await store.docket.tasks.scorecard(asOf: date("2025-06-12"), as: store.auditor)
        #expect(scores.map(\.agency) == ["BTC", "VPTU", "STTTT"])  // equal shares: by code
        #expect(scores.map(\.rank) == [1, 1, 3])
        #expect(scores.first?.name == "Ban Tổ chức")
    }

    @Test(arguments: Backend.all) func statusRulesAndDatesAreChecked(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.supervisedPlan()
        let tasks = store.docket.tasks
        let p = "05-KH/TU"
        await #expect(throws: DocketError(.conflict, "task 1.1 is completed; only a task that is assigned or in-progress can become cancelled", field: "status")) {
            _ = try await tasks.changeStatus("1.1", plan: p, to: .cancelled, reason: "x", as: store.clerk)
        }
        let field = { (body: @Sendable () async throws -> Void) async -> String? in
            do { try await body() } catch let error as DocketError { return error.field } catch {}
            return nil
        }
        #expect(await field { _ = try await tasks.changeStatus("2.2", plan: p, to: .cancelled, as: store.clerk) } == "reason")
        #expect(await field { _ = try await tasks.changeStatus("2.2", plan: p, to: .completed, on: date("2099-01-01"), as: store.clerk) } == "on")
        #expect(await field { _ = try await tasks.changeStatus("2.2", plan: p, to: .completed, on: date("2024-12-31"), as: store.clerk) } == "on")
        #expect(await field { _ = try await tasks.extend("2.2", plan: p, to: date("2025-05-01"), reason: "r", approvedBy: "a", as: store.clerk) } == "deadline")
        #expect(await field { _ = try await tasks.extend("2.2", plan: p, to: date("2025-08-01"), reason: " ", approvedBy: "a", as: store.clerk) } == "reason")
        #expect(await field { _ = try await tasks.reportProgress("2.2", plan: p, percent: 120, text: "x", as: store.clerk) } == "percent")
        #expect(await field { _ = try await tasks.addTask(NewTask(code: "9", title: "T", group: 7, leadAgency: "VPTU", deadline: "2025-01-01", assignedOn: "2024-12-01"), plan: p, as: store.clerk) } == "group")
        #expect(await field { _ = try await tasks.addTask(NewTask(code: "9", title: "T", leadAgency: "NOPE", deadline: "2025-01-01", assignedOn: "2024-12-01"), plan: p, as: store.clerk) } == "leadAgency")
        #expect(await field { _ = try await tasks.addTask(NewTask(code: "1.1", title: "T", leadAgency: "VPTU", deadline: "2025-01-01", assignedOn: "2024-12-01"), plan: p, as: store.clerk) } == "code")
        #expect(await field { _ = try await tasks.addTask(NewTask(code: "9", title: "T", leadAgency: "VPTU", deadline: "2025-02-30"), plan: p, as: store.clerk) } == "deadline")
        #expect(await field { _ = try await tasks.addTask(NewTask(code: "9", title: "T", leadAgency: "VPTU", deadline: "2025-01-01", assignedOn: "2025-01-02"), plan: p, as: store.clerk) } == "deadline")
        // None of it changed anything.
        let detail = try await tasks.task("2.2", plan: p, as: store.clerk)
        #expect(detail.task.status == .assigned && detail.history.count == 1)
        #expect(try await tasks.tasks(TaskFilter(), plan: p, page: .first, as: store.clerk).total == 6)
    }

    @Test func calendarArithmetic() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2024-03-01").dayNumber - date("2024-02-28").dayNumber == 2)
        for text in ["1900-02-28", "2000-02-29", "2025-12-31", "1969-12-31", "2100-03-01"] {
            #expect(CalendarDate(dayNumber: date(text).dayNumber) == date(text))
        }
        #expect(date("2025-04-14").adding(days: 17) == date("2025-05-01"))
        // 23:30 UTC on 31 December is already 1 January in Hà Nội.
        let instant = Date(timeIntervalSince1970: TimeInterval(date("2025-12-31").dayNumber * 86_400 + 23 * 3600 + 1800))
        #expect(CalendarDate(instant, in: TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt) == date("2026-01-01"))
    }
}
