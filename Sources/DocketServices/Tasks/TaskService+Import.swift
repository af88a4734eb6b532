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
    /// The CSV columns an import reads, the task field each one fills, and the Vietnamese headers
    /// that name it too (matched with or without accents, in any case).
    static let importColumns: [(column: String, field: String, vietnamese: [String])] = [
        ("code", "code", ["Mã", "Mã nhiệm vụ", "Mã số"]),
        ("title", "title", ["Tên nhiệm vụ", "Nhiệm vụ", "Tên", "Tiêu đề"]),
        ("description", "description", ["Mô tả", "Nội dung"]),
        ("group", "group", ["Nhóm", "Nhóm nhiệm vụ"]),
        ("phase", "phase", ["Giai đoạn"]),
        ("lead", "leadAgency", ["Chủ trì", "Cơ quan chủ trì", "Đơn vị chủ trì"]),
        ("coordinating", "coordinatingAgencies", ["Phối hợp", "Cơ quan phối hợp", "Đơn vị phối hợp"]),
        ("assignee", "assignee", ["Người thực hiện"]),
        ("deadline", "deadline", ["Thời hạn", "Hạn", "Thời hạn hoàn thành", "Hạn hoàn thành"]),
        ("key", "key", ["Trọng tâm", "Nhiệm vụ trọng tâm"]),
        ("source", "source", ["Nguồn", "Văn bản giao"]),
        ("assigned", "assignedOn", ["Ngày giao"]),
    ]
    static let requiredColumns = ["code", "title", "lead", "deadline"]

    /// The column a header names, in English or Vietnamese.
    static func importColumn(named header: String) -> String? {
        func fold(_ text: String) -> String {
            CanonicalName.key(text).folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "đ", with: "d")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let wanted = fold(header)
        return importColumns.first { ([$0.column] + $0.vietnamese).contains { fold($0) == wanted } }?.column
    }

    /// Imports tasks into a plan from a spreadsheet (admin, clerk): CSV as `CSV` reads it, or the
    /// first sheet of an .xlsx workbook. Every row is checked first; if any is wrong nothing is
    /// imported and every wrong row is named with its line (the sheet's row) and column. Tasks
    /// are matched by code, so importing the same file again changes nothing.
    public func importTasks(file data: Data, plan reference: String, as actor: User) async throws -> TaskImportResult {
        try actor.require(.manageTasks)
        let records = try Workbook.isWorkbook(data) ? Workbook.rows(data) : CSV.parse(data)
        let known = Self.importColumns.map { "\($0.column) (\($0.vietnamese[0]))" }.joined(separator: ", ")
        guard let header = records.first else {
            throw DocketError.invalid("file", "the file is empty; its first line names the columns: \(known)")
        }
        var index: [String: Int] = [:]
        var written: [String: String] = [:]
        for (position, text) in header.fields.enumerated() {
            let text = text.trimmingCharacters(in: .whitespaces)
            guard let name = Self.importColumn(named: text) else {
                throw DocketError.invalid("line 1", "line 1: unknown column '\(text)'; the columns are \(known)")
            }
            guard index.updateValue(position, forKey: name) == nil else {
                throw DocketError.invalid("line 1", "line 1: the column '\(text)' appears twice")
            }
            written[name] = text
        }
        if let missing = Self.requiredColumns.first(where: { index[$0] == nil }) {
            throw DocketError.invalid("line 1", "line 1: the column '\(missing)' is missing; \(Self.requiredColumns.joined(separator: ", ")) are required")
        }
        let (columns, headers) = (index, written)
        let rows = Array(records.dropFirst())
        let today = configuration.today()
        let now = configuration.time.now()
        let ids = rows.map { _ in configuration.identifiers.make("tsk") }
        return try await storage.write { writer in
            let plan = try Self.plan(reference, in: writer)
            var problems: [DocketError] = []
            var seen: [String: Int] = [:]
            var creates: [SupervisedTask] = []
            var updates: [(task: SupervisedTask, fields: [String])] = []
            var unchanged = 0
            for (row, id) in zip(rows, ids) {
                let field = { (name: String) in
                    let column = Self.importColumns.first { $0.field == name }?.column ?? name
                    return "line \(row.line), \(headers[column] ?? column)"
                }
                do {
                    guard row.fields.count <= header.fields.count else {
                        throw DocketError.invalid("line \(row.line)", "has \(row.fields.count) fields but the header names \(header.fields.count)")
                    }
                    let new = try Self.newTask(row, columns: columns, field: field)
                    let task = try Self.makeTask(new, id: id, plan: plan, today: today, actor: actor, now: now, field: field, in: writer)
                    if let first = seen.updateValue(row.line, forKey: task.code) {
                        throw DocketError.invalid(field("code"), "the code \(task.code) is already on line \(first)")
                    }
                    guard let existing = try writer.task(planID: plan.id, code: task.code) else {
                        creates.append(task)
                        continue
                    }
                    guard existing.originalDeadline == task.originalDeadline else {
                        throw DocketError.invalid(
                            field("deadline"),
                            "task \(task.code) already has the deadline \(existing.originalDeadline); change deadlines with `docket task extend`")
                    }
                    let (merged, changed) = Self.merge(task, into: existing)
                    if changed.isEmpty { unchanged += 1 } else { updates.append((merged, changed)) }
                } catch let error as DocketError {
                    let field = error.field ?? "line \(row.line)"
                    problems.append(DocketError(error.code, "\(field): \(error.message)", field: field))
                }
            }
            if !problems.isEmpty {
                let shown = problems.prefix(20).map(\.message).joined(separator: "; ")
                let more = problems.count > 20 ? "; and \(problems.count - 20) more" : ""
                throw DocketError.invalid(
                    problems[0].field ?? "file",
                    "\(problems.count) of \(rows.count) rows are wrong and nothing was imported: \(shown)\(more)")
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
    static func newTask(_ row: CSV.Record, columns: [String: Int], field: (String) -> String) throws -> NewTask {
        func value(_ column: String) -> String? {
            guard let index = columns[column], index < row.fields.count else { return nil }
            return row.fields[index].trimmingCharacters(in: .whitespaces).nilIfEmpty
        }
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
