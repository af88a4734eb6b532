import DocketCore
import Foundation

/// What an import did.
public struct TaskImportResult: Sendable, Codable, Equatable {
    public struct Update: Sendable, Codable, Equatable {
        public var code: String
        public var fields: [String]

        public init(code: String, fields: [String]) {
            self.code = code
            self.fields = fields
        }
    }

    public var plan: String
    public var created: [String]
    public var updated: [Update]
    public var unchanged: Int
}

extension TaskService {
    /// The columns a task import reads, the task field each one fills, and their Vietnamese headers.
    static let importColumns: [ImportSheet.Column] = [
        .init("code", ["Mã", "Mã nhiệm vụ", "Mã số"]),
        .init("title", ["Tên nhiệm vụ", "Nhiệm vụ", "Tên", "Tiêu đề"]),
        .init("description", ["Mô tả", "Nội dung"]),
        .init("group", ["Nhóm", "Nhóm nhiệm vụ"]),
        .init("phase", ["Giai đoạn"]),
        .init("lead", field: "leadAgency", ["Chủ trì", "Cơ quan chủ trì", "Đơn vị chủ trì"]),
        .init("coordinating", field: "coordinatingAgencies", ["Phối hợp", "Cơ quan phối hợp", "Đơn vị phối hợp"]),
        .init("assignee", ["Người thực hiện"]),
        .init("deadline", ["Thời hạn", "Hạn", "Thời hạn hoàn thành", "Hạn hoàn thành"]),
        .init("key", ["Trọng tâm", "Nhiệm vụ trọng tâm"]),
        .init("source", ["Nguồn", "Văn bản giao"]),
        .init("assigned", field: "assignedOn", ["Ngày giao"]),
    ]

    /// Imports tasks into a plan from a spreadsheet (admin, clerk), as `ImportSheet` reads it.
    /// Every row is checked first; if any is wrong nothing is imported and every wrong row is
    /// named with its line and column. Tasks are matched by code, so importing the same file
    /// again changes nothing.
    public func importTasks(file data: Data, plan reference: String, as actor: User) async throws -> TaskImportResult {
        try actor.require(.manageTasks)
        let sheet = try ImportSheet(data, columns: Self.importColumns, required: ["code", "title", "lead", "deadline"])
        let today = configuration.today()
        let now = configuration.time.now()
        let ids = sheet.rows.map { _ in configuration.identifiers.make("tsk") }
        return try await storage.write { writer in
            let plan = try Self.plan(reference, in: writer)
            var seen: [String: Int] = [:]
            var creates: [SupervisedTask] = []
            var updates: [(task: SupervisedTask, fields: [String])] = []
            var unchanged = 0
            var nextID = ids.makeIterator()
            _ = try sheet.eachRow { row in
                let field = { sheet.place(of: $0, in: row) }
                let new = try Self.newTask(row, in: sheet, field: field)
                let task = try Self.makeTask(
                    new, id: nextID.next() ?? "", plan: plan, today: today, actor: actor, now: now, field: field, in: writer)
                if let first = seen.updateValue(row.line, forKey: task.code) {
                    throw DocketError.invalid(field("code"), "the code \(task.code) is already on line \(first)")
                }
                guard let existing = try writer.task(planID: plan.id, code: task.code) else {
                    creates.append(task)
                    return
                }
                guard existing.originalDeadline == task.originalDeadline else {
                    throw DocketError.invalid(
                        field("deadline"),
                        "task \(task.code) already has the deadline \(existing.originalDeadline); change deadlines with `docket task extend`")
                }
                let (merged, changed) = Self.merge(task, into: existing)
                if changed.isEmpty { unchanged += 1 } else { updates.append((merged, changed)) }
            }
            for task in creates { try record(task, actor: actor, in: writer) }
            for (task, fields) in updates {
                try writer.update(task)
                try audit.record(
                    writer, actor: actor.id, action: .taskUpdate, subject: task.id,
                    details: ["code": task.code, "fields": fields.joined(separator: ",")])
            }
            try audit.record(
                writer, actor: actor.id, action: .taskImport, subject: plan.id,
                details: ["created": String(creates.count), "updated": String(updates.count), "unchanged": String(unchanged)])
            return TaskImportResult(
                plan: plan.symbol, created: creates.map(\.code),
                updated: updates.map { TaskImportResult.Update(code: $0.task.code, fields: $0.fields) }, unchanged: unchanged)
        }
    }

    /// A row as a `NewTask`, reading only what the columns give.
    static func newTask(_ row: CSV.Record, in sheet: ImportSheet, field: (String) -> String) throws -> NewTask {
        func value(_ column: String) -> String? { sheet.value(column, in: row) }
        let group = try value("group").map { text in
            guard let number = Int(text) else { throw DocketError.invalid(field("group"), "'\(text)' is not a group number") }
            return number
        }
        let key = try value("key").map { text -> Bool in
            switch text.lowercased() {
            case "1", "x", "yes", "true", "có", "co": return true
            case "0", "no", "false", "không", "khong": return false
            default: throw DocketError.invalid(field("key"), "'\(text)' is not yes or no (x, 1, có / 0, không)")
            }
        }
        let coordinating = value("coordinating")?.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return NewTask(
            code: value("code") ?? "", title: value("title") ?? "", description: value("description"), source: value("source"),
            group: group, phase: value("phase"), leadAgency: value("lead") ?? "", coordinatingAgencies: coordinating,
            assignee: value("assignee"), deadline: value("deadline") ?? "", key: key, assignedOn: value("assigned"))
    }

    /// The existing task with the imported descriptive fields, and the names of those that changed.
    static func merge(_ imported: SupervisedTask, into existing: SupervisedTask) -> (SupervisedTask, [String]) {
        var task = existing
        var changed: [String] = []
        func take<T: Equatable>(_ path: WritableKeyPath<SupervisedTask, T>, _ name: String) {
            guard task[keyPath: path] != imported[keyPath: path] else { return }
            task[keyPath: path] = imported[keyPath: path]
            changed.append(name)
        }
        take(\.title, "title")
        take(\.description, "description")
        take(\.sourceSymbol, "source")
        take(\.group, "group")
        take(\.phase, "phase")
        take(\.leadAgency, "lead")
        take(\.coordinatingAgencies, "coordinating")
        take(\.assigneeID, "assignee")
        take(\.key, "key")
        return (task, changed)
    }
}
