import DocketCore
import DocketSQLite
import DocketServices
import Foundation

/// Fills stores for the benchmarks and the reference scripts, through the public services as an
/// administrator would, or straight into storage where a store must be large. Not part of Docket.
public enum Seeding {
    /// Makes users `delegate0`… with the delegate role and a token each, and the body `HN`, through
    /// the services as an administrator would. Returns the tokens, in user order.
    public static func delegates(_ count: Int, in docket: Docket, as admin: User) async throws -> [String] {
        var tokens: [String] = []
        for index in 0..<count {
            let name = "delegate\(index)"
            _ = try await docket.users.add(NewUser(username: name, roles: [.delegate]), as: admin)
            tokens.append(try await docket.users.createToken(for: name, expiresInDays: 1, as: admin).token)
        }
        _ = try await docket.sessions.createBody(NewBody(name: "Hội nghị", code: "HN", numbering: .state), as: admin)
        return tokens
    }

    /// A new session of body `HN` with the first `delegates` seeded delegates invited as members
    /// and `items` agenda items with a signed document each, scheduled and opened; returns its id.
    public static func openSession(delegates: Int, items: Int = 0, in docket: Docket, as admin: User) async throws -> String {
        let session = try await docket.sessions.create(
            NewSession(body: "HN", title: "Hội nghị toàn tỉnh", startsAt: docket.configuration.time.now()), as: admin)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(session.id).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        for index in 0..<items {
            try Data("Tờ trình số \(index) của phiên họp \(session.id)".utf8).write(to: file)
            let document = try await docket.documents.add(
                fileAt: file.path, NewDocument(title: "Tờ trình \(index + 1)", filename: "to-trinh-\(index + 1).txt"), as: admin)
            _ = try await docket.documents.sign(document.id, as: admin)
            _ = try await docket.sessions.addAgendaItem(
                session.id,
                NewAgendaItem(title: "Nội dung \(index + 1)", presenter: "Đồng chí báo cáo viên", plannedMinutes: 15, documents: [document.id]),
                as: admin)
        }
        for index in 0..<delegates {
            _ = try await docket.sessions.invite(session.id, user: "delegate\(index)", role: .member, as: admin)
        }
        _ = try await docket.sessions.advance(session.id, to: .scheduled, as: admin)
        _ = try await docket.sessions.advance(session.id, to: .open, as: admin)
        return session.id
    }

    /// Fills the store with `plans` plans of `tasksPerPlan` tasks each, led by `agencies`
    /// agencies, with about three history events per task through 2025, from a fixed seed. The
    /// rows go straight to the SQLite file (no audit events), so benchmarks can build large
    /// stores quickly.
    public static func tasks(plans: Int, agencies: Int, tasksPerPlan: Int, seed: UInt64 = 57, in docket: Docket) async throws {
        let storage = try SQLiteStorage(path: docket.directory.database.path)
        var random = SplitMix(state: seed)
        let now = docket.configuration.time.now()
        let agencyCodes = (1...agencies).map { String(format: "CQ%02d", $0) }
        let start = CalendarDate(dayNumber: 20_089)  // 2025-01-01
        try await storage.write { writer in
            for code in agencyCodes { try writer.insert(Agency(code: code, name: "Cơ quan \(code)", createdAt: now)) }
        }
        for planIndex in 1...plans {
            let plan = Plan(
                id: "pln-bench-\(planIndex)", symbol: "\(planIndex)-KH/TU", title: "Kế hoạch \(planIndex)", implements: "57-NQ/TW",
                groups: (1...5).map { PlanGroup(number: $0, title: "Nhóm \($0)") },
                phases: [
                    PlanPhase(code: "GĐ1", starts: start, ends: start.adding(days: 180)),
                    PlanPhase(code: "GĐ2", starts: start.adding(days: 181), ends: start.adding(days: 364)),
                ],
                createdBy: "benchmark", createdAt: now)
            var tasks: [(SupervisedTask, [TaskEvent])] = []
            for number in 1...tasksPerPlan {
                let assigned = start.adding(days: random.below(60))
                let lead = agencyCodes[random.below(agencies)]
                var task = SupervisedTask(
                    id: "tsk-bench-\(planIndex)-\(number)", planID: plan.id, code: "\(number % 5 + 1).\(number)",
                    title: "Nhiệm vụ \(number) của kế hoạch \(planIndex)", group: number % 5 + 1,
                    phase: random.below(2) == 0 ? "GĐ1" : "GĐ2", leadAgency: lead,
                    coordinatingAgencies: random.below(3) == 0 ? [agencyCodes[((agencyCodes.firstIndex(of: lead) ?? 0) + 1) % agencies]] : [],
                    assignedOn: assigned, deadline: assigned.adding(days: 30 + random.below(300)), createdBy: "benchmark",
                    createdAt: now)
                var events: [TaskEvent] = []
                func add(_ kind: TaskEventKind, on day: CalendarDate, status: TaskStatus? = nil, deadline: CalendarDate? = nil, percent: Int? = nil) {
                    events.append(
                        TaskEvent(
                            taskID: task.id, sequence: events.count + 1, kind: kind, effectiveOn: day, status: status,
                            deadline: deadline, percent: percent, text: kind == .status ? nil : "Báo cáo", recordedBy: "benchmark",
                            recordedAt: now))
                }
                add(.status, on: assigned, status: .assigned)
                var day = assigned
                if random.below(10) < 8 {
                    day = day.adding(days: 1 + random.below(20))
                    add(.status, on: day, status: .inProgress)
                    task.status = .inProgress
                    if random.below(2) == 0 {
                        day = day.adding(days: 1 + random.below(30))
                        add(.progress, on: day, percent: 50)
                        task.percent = 50
                    }
                }
                if random.below(5) == 0 {
                    task.deadline = task.deadline.adding(days: 30 + random.below(60))
                    add(.extension, on: day, deadline: task.deadline)
                }
                let fate = random.below(100)
                if fate < 60 {
                    day = day.adding(days: 10 + random.below(250))
                    add(.status, on: day, status: .completed)
                    task.status = .completed
                    task.completedOn = day
                    task.percent = 100
                } else if fate < 63 {
                    day = day.adding(days: 5 + random.below(100))
                    add(.status, on: day, status: .cancelled)
                    task.status = .cancelled
                }
                tasks.append((task, events))
            }
            let rows = tasks
            try await storage.write { writer in
                try writer.insert(plan)
                for (task, events) in rows {
                    try writer.insert(task)
                    for event in events { try writer.append(event) }
                }
            }
        }
    }
}
