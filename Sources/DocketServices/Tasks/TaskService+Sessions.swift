import DocketCore
import Foundation

extension TaskService {
    /// Makes supervised tasks of the tasks a session's conclusions assign, when their conclusion
    /// notice is issued: in a plan named by the notice's symbol, each linked to the notice and its
    /// conclusion. Tasks taken over by an earlier notice are not taken again.
    @discardableResult
    func takeOver(conclusionsOf session: Session, notice: Notice, as actor: User, in writer: any StorageWriter) throws -> Plan? {
        var pending: [(conclusion: Conclusion, position: Int, index: Int, task: AssignedTask)] = []
        for (position, conclusion) in try writer.conclusions(sessionID: session.id).enumerated() {
            let taken = Set(try writer.tasks(conclusionID: conclusion.id).compactMap(\.conclusionTask))
            for (index, task) in conclusion.tasks.enumerated() where !taken.contains(index) {
                pending.append((conclusion, position + 1, index, task))
            }
        }
        guard !pending.isEmpty else { return nil }
        let now = configuration.time.now()
        let plan = Plan(
            id: configuration.identifiers.make("pln"), symbol: notice.symbol, title: "Thực hiện \(notice.symbol): \(session.title)",
            implements: nil, groups: [], phases: [], sessionID: session.id, createdBy: actor.id, createdAt: now)
        try writer.insert(plan)
        try audit.record(
            writer, actor: actor.id, action: .planCreate, subject: plan.id, details: ["symbol": plan.symbol, "session": session.id])
        for entry in pending {
            var task = SupervisedTask(
                id: configuration.identifiers.make("tsk"), planID: plan.id, code: "\(entry.position).\(entry.index + 1)",
                title: entry.task.title, sourceSymbol: notice.symbol, conclusionID: entry.conclusion.id,
                conclusionTask: entry.index, leadAgency: entry.task.leadAgency,
                coordinatingAgencies: entry.task.coordinatingAgencies, assignedOn: CalendarDate(notice.issuedAt, in: configuration.timeZone),
                deadline: try CalendarDate.parse(entry.task.deadline, field: "deadline"), createdBy: actor.id, createdAt: now)
            task.description = entry.conclusion.text
            try record(task, actor: actor, in: writer)
        }
        return plan
    }

    /// Issues one reminder notice (nhắc việc) from `body` to each lead agency with tasks overdue
    /// today or due within `days` days, listing them (admin, clerk). Returns the notices issued.
    public func remind(within days: Int, body: String, plan reference: String? = nil, as actor: User) async throws -> [Notice] {
        try actor.require(.manageTasks)
        guard (0...366).contains(days) else { throw DocketError.invalid("within", "within is 0 to 366 days, got \(days)") }
        let today = configuration.today()
        return try await storage.write { writer in
            let issuer = try SessionService.body(body, in: writer)
            let plan = try reference.map { try Self.plan($0, in: writer) }
            var byAgency: [String: [(id: String, standing: TaskStanding)]] = [:]
            try writer.forEachTaskStanding(planID: plan?.id, asOf: today, basis: .current) { task in
                if task.standing.timeliness(asOf: today) == .overdue || task.standing.isDueSoon(asOf: today, within: days) {
                    byAgency[task.leadAgency, default: []].append((task.id, task.standing))
                }
            }
            let notices = NoticeWriter(audit: audit, records: records)
            return try byAgency.keys.sorted().map { agency in
                let entries = (byAgency[agency] ?? []).sorted { $0.standing.deadline < $1.standing.deadline }
                let tasks = Dictionary(try writer.tasks(ids: entries.map(\.id)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                let overdue = entries.filter { $0.standing.deadline < today }.count
                let title = "Nhắc việc: \(overdue) nhiệm vụ quá hạn, \(entries.count - overdue) nhiệm vụ đến hạn trong \(days) ngày"
                var rows = ""
                for entry in entries {
                    guard let task = tasks[entry.id] else { continue }
                    let left = today.days(until: entry.standing.deadline)
                    rows += "<tr><td>\(HTML.escape(task.code))</td><td>\(HTML.escape(task.title))</td>"
                        + "<td>\(entry.standing.deadline)</td><td>\(left < 0 ? "quá hạn \(-left) ngày" : "còn \(left) ngày")</td>"
                        + "<td>\(HTML.escape(task.sourceSymbol ?? ""))</td></tr>\n"
                }
                return try notices.issue(
                    .reminder, by: issuer, session: nil, title: title,
                    content: """
                        <p>Kính gửi: \(HTML.escape(agency)). Tính đến ngày \(today):</p>
                        <table><tr><th>mã</th><th>nhiệm vụ</th><th>thời hạn</th><th>tình trạng</th><th>nguồn</th></tr>
                        \(rows)</table>
                        """,
                    to: [], agencies: [agency], signerID: nil, as: actor, in: writer)
            }
        }
    }
}
