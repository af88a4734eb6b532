import DocketCore
import Foundation

/// A new conclusion.
public struct NewConclusion: Sendable {
    public var text: String
    /// The agenda item's number or id; nil for the whole session.
    public var item: String?
    public var tasks: [AssignedTask]
    public var amendment: String?

    public init(text: String, item: String? = nil, tasks: [AssignedTask] = [], amendment: String? = nil) {
        self.text = text
        self.item = item
        self.tasks = tasks
        self.amendment = amendment
    }
}

extension SessionService {
    /// The session's conclusions, in order.
    public func conclusions(_ sessionID: String, as actor: User) async throws -> [Conclusion] {
        try await storage.read { reader in
            _ = try Self.visibleSession(sessionID, to: actor, in: reader)
            return try reader.conclusions(sessionID: sessionID)
        }
    }

    /// Records a conclusion while the session is open (admin, clerk), or as an amendment once closed.
    public func addConclusion(_ sessionID: String, _ new: NewConclusion, as actor: User) async throws -> Conclusion {
        try actor.require(.manageSessions)
        let text = try Self.conclusionText(new.text)
        let id = configuration.identifiers.make("con")
        let now = configuration.time.now()
        return try await storage.write { writer in
            let (session, amending) = try changeable(sessionID, "conclusions", in: [.open], amendment: new.amendment, writer)
            let item = try new.item.map { try Self.item($0, in: writer.agendaItems(sessionID: session.id), field: "item") }
            let tasks = try Self.checkTasks(new.tasks, in: writer)
            let conclusion = Conclusion(
                id: id, sessionID: session.id, agendaItemID: item?.id, text: text, tasks: tasks, createdBy: actor.id,
                createdAt: now)
            try writer.save(conclusion)
            try audit.record(
                writer, actor: actor.id, action: .sessionConclusion, subject: session.id,
                details: ["conclusion": id, "tasks": String(new.tasks.count), "amendment": amending ?? ""])
            if let amending {
                try recordAmendment(
                    session, subject: "conclusion \(id)", reason: amending, before: nil as Conclusion?, after: conclusion,
                    actor: actor, writer)
            }
            return conclusion
        }
    }

    /// Replaces a conclusion's text or tasks (admin, clerk); once closed, as an amendment.
    public func editConclusion(
        _ sessionID: String, conclusion id: String, text: String?, tasks: [AssignedTask]?, amendment: String?, as actor: User
    ) async throws -> Conclusion {
        try actor.require(.manageSessions)
        let text = try text.map(Self.conclusionText)
        return try await storage.write { writer in
            let (session, amending) = try changeable(sessionID, "conclusions", in: [.open], amendment: amendment, writer)
            guard let before = try writer.conclusions(sessionID: session.id).first(where: { $0.id == id }) else {
                throw DocketError.notFound("conclusion", id)
            }
            var conclusion = before
            if let text { conclusion.text = text }
            if let tasks {
                conclusion.tasks = try Self.checkTasks(tasks, in: writer)
            }
            try writer.save(conclusion)
            try audit.record(
                writer, actor: actor.id, action: .sessionConclusionEdit, subject: session.id,
                details: ["conclusion": id, "amendment": amending ?? ""])
            if let amending {
                try recordAmendment(
                    session, subject: "conclusion \(id)", reason: amending, before: before, after: conclusion, actor: actor,
                    writer)
            }
            return conclusion
        }
    }

    static func conclusionText(_ text: String) throws -> String {
        let text = try TextInput.clean(text, field: "text", multiline: true)
        guard (1...20_000).contains(text.count) else { throw DocketError.invalid("text", "a conclusion is 1 to 20,000 characters") }
        return text
    }

    /// Each task needs a title, known agencies and a real calendar date; returns the tasks with
    /// each agency under its own code.
    static func checkTasks(_ tasks: [AssignedTask], in reader: any StorageReader) throws -> [AssignedTask] {
        try tasks.enumerated().map { index, task in
            var task = task
            let field = "tasks[\(index)]"
            guard !task.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DocketError.invalid("\(field).title", "task \(index + 1) has no title")
            }
            task.leadAgency = try AgencyService.agency(task.leadAgency, field: "\(field).leadAgency", in: reader).code
            task.coordinatingAgencies = try task.coordinatingAgencies.map { code in
                let agency = try AgencyService.agency(code, field: "\(field).coordinatingAgencies", in: reader).code
                if agency == task.leadAgency {
                    throw DocketError.invalid("\(field).coordinatingAgencies", "\(agency) leads task \(index + 1) and cannot also coordinate it")
                }
                return agency
            }
            guard CalendarDate.isValid(task.deadline) else {
                throw DocketError.invalid("\(field).deadline", "task \(index + 1)'s deadline '\(task.deadline)' is not a date YYYY-MM-DD")
            }
            return task
        }
    }
}
