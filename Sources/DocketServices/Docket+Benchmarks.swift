import DocketCore
import Foundation

extension Docket {
    /// Appends `count` audit events in one transaction, the way every service does inside its own
    /// transaction. Benchmarks measure the audit log with it; nothing else should call it.
    @_spi(Benchmarks) public func appendAuditEvents(
        count: Int, actor: String, action: String, subject: String, details: [String: String]
    ) async throws {
        try await storage.write { writer in
            for _ in 0..<count {
                try self.audit.record(writer, actor: actor, action: action, subject: subject, details: details)
            }
        }
    }

    /// Makes users `delegate0`… with the delegate role and a token each, and the body `HN`, through
    /// the services as an administrator would. Returns the tokens, in user order.
    @_spi(Benchmarks) public func seedDelegates(_ count: Int, as admin: User) async throws -> [String] {
        var tokens: [String] = []
        for index in 0..<count {
            let name = "delegate\(index)"
            _ = try await users.add(NewUser(username: name, roles: [.delegate]), as: admin)
            tokens.append(try await users.createToken(for: name, expiresInDays: 1, as: admin).token)
        }
        _ = try await sessions.createBody(NewBody(name: "Hội nghị", code: "HN", numbering: .state), as: admin)
        return tokens
    }

    /// A new session of body `HN` with the first `delegates` seeded delegates invited as members,
    /// scheduled and opened; returns its id.
    @_spi(Benchmarks) public func openSeededSession(delegates: Int, as admin: User) async throws -> String {
        let session = try await sessions.create(
            NewSession(body: "HN", title: "Hội nghị toàn tỉnh", startsAt: configuration.time.now()), as: admin)
        for index in 0..<delegates {
            _ = try await sessions.invite(session.id, user: "delegate\(index)", role: .member, as: admin)
        }
        _ = try await sessions.advance(session.id, to: .scheduled, as: admin)
        _ = try await sessions.advance(session.id, to: .open, as: admin)
        return session.id
    }

    /// Fills the store with `plans` plans of `tasksPerPlan` tasks each, led by `agencies`
    /// agencies, with about three history events per task through 2025, from a fixed seed. The
    /// rows go straight to storage (no audit events), so benchmarks can build large stores
    /// quickly; nothing else should call it.
    @_spi(Benchmarks) public func seedTasks(plans: Int, agencies: Int, tasksPerPlan: Int, seed: UInt64 = 57) async throws {
        var random = SplitMix(state: seed)
        let now = configuration.time.now()
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

/// A small, fast, seeded generator (SplitMix64), so seeded stores are the same every run.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
