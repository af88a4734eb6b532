import DocketCore
import Foundation

extension RecordService {
    /// Submits a registered (or returned) incoming document to a leader for direction (admin, clerk).
    public func submit(_ id: String, to leader: String, note: String? = nil, as actor: User) async throws -> RegisterEntryDetail {
        try actor.require(.manageRecords)
        return try await process(id, .submit, as: actor) { entry, writer in
            let leader = try Self.handler(leader, field: "leader", for: entry, in: writer)
            guard leader.hasAny(Permission.directRecords.roles) else {
                throw DocketError.invalid("leader", "\(leader.username) is not a leader (chair) and cannot direct documents")
            }
            entry.state = .submitted
            entry.handlerID = leader.id
            entry.coordinatingIDs = []
            return ProcessingStep(
                entryID: id, sequence: 0, kind: .submit, actorID: actor.id, at: now, text: try Self.text(optional: note),
                handlerID: leader.id)
        }
    }

    /// Records a leader's direction (bút phê): text, lead handler, coordinating handlers, and the
    /// processing deadline (admin, chair). A document already directed may be directed again.
    /// With `plan`, the direction also assigns a supervised task in that plan, led by the lead
    /// handler's agency and due on the deadline; the task and the step name each other.
    public func direct(
        _ id: String, text: String, handler: String, coordinating: [String] = [], deadline: String? = nil,
        plan: String? = nil, as actor: User
    ) async throws -> RegisterEntryDetail {
        try actor.require(.directRecords)
        let text = try Self.text(text)
        let deadline = try CalendarDate.parse(optional: deadline, field: "deadline")
        let today = configuration.today()
        return try await process(id, .direct, as: actor) { entry, writer in
            let lead = try Self.handler(handler, field: "handler", for: entry, in: writer)
            let others = try coordinating.map { try Self.handler($0, field: "coordinating", for: entry, in: writer) }
                .filter { $0.id != lead.id }
            try checkDeadline(deadline, for: entry)
            entry.state = .directed
            entry.handlerID = lead.id
            entry.coordinatingIDs = Array(Set(others.map(\.id))).sorted()
            if let deadline { entry.deadline = deadline }
            var step = ProcessingStep(
                entryID: id, sequence: 0, kind: .direct, actorID: actor.id, at: now, text: text, handlerID: lead.id,
                coordinatingIDs: entry.coordinatingIDs, deadline: deadline)
            if let plan {
                step.taskID = try assignTask(for: entry, plan: plan, direction: text, lead: lead, others: others, today: today, as: actor, in: writer).id
            }
            return step
        }
    }

    /// The supervised task a direction assigns, linked to its entry.
    private func assignTask(
        for entry: RegisterEntry, plan reference: String, direction: String, lead: User, others: [User], today: CalendarDate,
        as actor: User, in writer: any StorageWriter
    ) throws -> SupervisedTask {
        guard let deadline = entry.deadline else {
            throw DocketError.invalid("deadline", "a direction that assigns a supervised task needs a deadline")
        }
        guard let agency = lead.agency else {
            throw DocketError.invalid("handler", "\(lead.username) belongs to no agency; a supervised task is led by an agency")
        }
        let plan = try TaskService.plan(reference, in: writer)
        let new = NewTask(
            code: "VBĐ-\(entry.year)-\(entry.number)", title: entry.summary, description: direction, source: entry.senderSymbol,
            leadAgency: agency, coordinatingAgencies: Array(Set(others.compactMap(\.agency)).subtracting([agency])).sorted(),
            assignee: lead.username, deadline: deadline.description, assignedOn: today.description)
        var task = try TaskService.makeTask(
            new, id: configuration.identifiers.make("tsk"), plan: plan, today: today, actor: actor, now: now,
            field: { "task.\($0)" }, in: writer)
        task.entryID = entry.id
        try TaskService(storage: storage, audit: audit, records: signed).record(task, actor: actor, in: writer)
        return task
    }

    /// A handler's opinion, draft note or progress (the lead or a coordinating handler).
    public func opinion(_ id: String, text: String, as actor: User) async throws -> RegisterEntryDetail {
        let text = try Self.text(text)
        return try await process(id, .opinion, as: actor) { entry, _ in
            entry.state = .handling
            return ProcessingStep(entryID: id, sequence: 0, kind: .opinion, actorID: actor.id, at: now, text: text)
        }
    }

    /// Hands the document on to another lead handler (the lead handler, or a leader).
    public func forward(_ id: String, to handler: String, text: String, as actor: User) async throws -> RegisterEntryDetail {
        let text = try Self.text(text)
        return try await process(id, .forward, as: actor) { entry, writer in
            let lead = try Self.handler(handler, field: "handler", for: entry, in: writer)
            entry.handlerID = lead.id
            entry.coordinatingIDs.removeAll { $0 == lead.id }
            return ProcessingStep(
                entryID: id, sequence: 0, kind: .forward, actorID: actor.id, at: now, text: text, handlerID: lead.id,
                coordinatingIDs: entry.coordinatingIDs)
        }
    }

    /// Finishes the processing (the lead handler, or a clerk): with the outgoing document that
    /// answers it, or a note saying how it ended.
    public func finish(_ id: String, answer: String? = nil, note: String? = nil, as actor: User) async throws -> RegisterEntryDetail {
        let note = try Self.text(optional: note)
        guard answer != nil || note != nil else {
            throw DocketError.invalid("answer", "say how it ended: the answering outgoing document, or a note")
        }
        return try await process(id, .done, as: actor) { entry, writer in
            let answered = try answer.map { answer -> RegisterEntry in
                let outgoing = try Self.readable(answer, by: actor, in: writer)
                guard outgoing.kind == .outgoing else {
                    throw DocketError.invalid("answer", "\(answer) is an incoming document; the answer is an outgoing one")
                }
                return outgoing
            }
            entry.state = .done
            return ProcessingStep(
                entryID: id, sequence: 0, kind: .done, actorID: actor.id, at: now, text: note, answerID: answered?.id)
        }
    }

    /// Sends the document back with a reason (a leader, the lead handler, or a clerk).
    public func sendBack(_ id: String, reason: String, as actor: User) async throws -> RegisterEntryDetail {
        let reason = try Self.text(reason, field: "reason")
        return try await process(id, .return, as: actor) { entry, _ in
            entry.state = .returned
            return ProcessingStep(entryID: id, sequence: 0, kind: .return, actorID: actor.id, at: now, text: reason)
        }
    }

    /// The incoming documents in the actor's queue: they lead or coordinate them, or they wait
    /// for the actor's direction; nearest deadline first.
    public func queue(page: Page, as actor: User) async throws -> Paged<RegisterEntry> {
        try await storage.read { try $0.processingQueue(handlerID: actor.id, page: page) }
    }

    /// The steps `actor` may take on `entry` now, by the rules the steps themselves apply: what a
    /// page offers is what the service accepts.
    public static func nextSteps(_ entry: RegisterEntry, for actor: User) -> [ProcessingStepKind] {
        guard let state = entry.state else { return [] }
        return ProcessingStepKind.allCases.filter { sources(of: $0).contains(state) && takes($0, entry, by: actor) }
    }

    // MARK: steps

    private var now: Date { configuration.time.now() }

    /// The states a step starts from.
    static func sources(of kind: ProcessingStepKind) -> Set<ProcessingState> {
        switch kind {
        case .register: []
        case .submit: [.registered, .returned]
        case .direct, .return: [.submitted, .directed, .handling]
        case .opinion, .forward, .done: [.directed, .handling]
        }
    }

    /// Who takes a step: clerks submit; leaders direct; the lead and coordinating handlers give
    /// opinions; the lead handler (or a leader) forwards; the lead handler (or a clerk) finishes;
    /// the lead handler, a leader or a clerk sends back.
    static func takes(_ kind: ProcessingStepKind, _ entry: RegisterEntry, by actor: User) -> Bool {
        let clerk = actor.hasAny(Permission.manageRecords.roles), leader = actor.hasAny(Permission.directRecords.roles)
        let lead = entry.handlerID == actor.id
        switch kind {
        case .register, .submit: return clerk
        case .direct: return leader
        case .opinion: return entry.isHandled(by: actor.id)
        case .forward: return lead || leader
        case .done: return lead || clerk
        case .return: return lead || leader || clerk
        }
    }

    /// Applies one step in a write transaction: the entry must be readable by the actor, incoming,
    /// in a state the step starts from, and the actor one who takes it; `change` updates it and
    /// returns the step, which is appended after the last one with an audit event.
    private func process(
        _ id: String, _ kind: ProcessingStepKind, as actor: User,
        _ change: @escaping @Sendable (inout RegisterEntry, any StorageWriter) throws -> ProcessingStep
    ) async throws -> RegisterEntryDetail {
        try await storage.write { writer in
            var entry = try Self.readable(id, by: actor, in: writer)
            guard let state = entry.state else {
                throw DocketError(.conflict, "\(entry.symbol) is an outgoing document; only incoming documents are processed", field: "id")
            }
            let states = Self.sources(of: kind)
            guard states.contains(state) else {
                throw DocketError(
                    .conflict,
                    "entry \(entry.symbol) is \(state.rawValue); \(kind.rawValue) needs it "
                        + states.map(\.rawValue).sorted().joined(separator: " or "),
                    field: "state")
            }
            guard Self.takes(kind, entry, by: actor) else { throw Self.notHandler(entry) }
            var step = try change(&entry, writer)
            let steps = try writer.processingSteps(entryID: id)
            step.sequence = (steps.last?.sequence ?? 0) + 1
            try writer.update(entry)
            try writer.append(step)
            try audit.record(
                writer, actor: actor.id, action: .recordProcess, subject: id,
                details: [
                    "step": step.kind.rawValue, "state": entry.state?.rawValue ?? "", "handler": step.handlerID ?? "",
                    "deadline": step.deadline?.description ?? "", "answer": step.answerID ?? "",
                ])
            return RegisterEntryDetail(entry: entry, steps: steps + [step])
        }
    }

    /// A user who may handle the entry: enabled and cleared for it.
    static func handler(_ reference: String, field: String, for entry: RegisterEntry, in reader: any StorageReader) throws -> User {
        guard let user = try reader.user(username: reference) ?? reader.user(id: reference), !user.disabled else {
            throw DocketError(.notFound, "no active user with the username or id \(reference)", field: field)
        }
        guard user.isCleared(for: entry.classification) else {
            throw DocketError.invalid(
                field, "\(user.username) is cleared up to \(user.clearance.rawValue); \(entry.symbol) is \(entry.classification.rawValue)")
        }
        return user
    }

    private func checkDeadline(_ deadline: CalendarDate?, for entry: RegisterEntry) throws {
        guard let deadline, let arrived = entry.arrivedAt else { return }
        if deadline < CalendarDate(arrived, in: configuration.timeZone) {
            throw DocketError.invalid("deadline", "the deadline \(deadline) is before the document arrived")
        }
    }

    static func notHandler(_ entry: RegisterEntry) -> DocketError {
        DocketError.forbidden("you do not handle \(entry.symbol); its lead handler or a leader does this")
    }

    static func text(_ text: String, field: String = "text") throws -> String {
        let cleaned = try TextInput.clean(text, field: field, multiline: true)
        guard (1...4000).contains(cleaned.count) else { throw DocketError.invalid(field, "\(field) is 1 to 4,000 characters") }
        return cleaned
    }

    static func text(optional text: String?) throws -> String? {
        try text.flatMap { try TextInput.clean(optional: $0, field: "note", multiline: true) }
    }
}
