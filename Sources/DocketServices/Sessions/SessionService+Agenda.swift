import DocketCore
import Foundation

extension SessionService {
    /// The agenda now, or at an earlier `version`.
    public func agenda(_ sessionID: String, version: Int? = nil, as actor: User) async throws -> AgendaView {
        try await storage.read { reader in
            let session = try Self.visibleSession(sessionID, to: actor, in: reader)
            if let version, version != session.agendaVersion {
                guard let frozen = try reader.agendaVersions(sessionID: sessionID).first(where: { $0.version == version }) else {
                    throw DocketError(
                        .notFound, "session \(sessionID) has agenda versions 1 to \(session.agendaVersion), not \(version)",
                        field: "version")
                }
                return AgendaView(
                    sessionID: sessionID, version: version, items: try Self.readable(frozen.items, by: actor, in: reader))
            }
            return AgendaView(
                sessionID: sessionID, version: session.agendaVersion,
                items: try Self.readable(
                    NumberedAgendaItem.outline(try reader.agendaItems(sessionID: sessionID)), by: actor, in: reader,
                    current: session))
        }
    }

    /// The current agenda as `actor` may read it, with its documents, each saying whether it is
    /// signed: what a session page shows, in one read.
    public func agendaWithDocuments(_ sessionID: String, as actor: User) async throws
        -> (agenda: AgendaView, documents: [ReadableDocument])
    {
        try await storage.read { reader in
            let session = try Self.visibleSession(sessionID, to: actor, in: reader)
            let items = try Self.readable(
                NumberedAgendaItem.outline(try reader.agendaItems(sessionID: sessionID)), by: actor, in: reader, current: session)
            var seen = Set<String>()
            let documents = try items.flatMap(\.item.documentIDs).filter { seen.insert($0).inserted }.compactMap { try reader.document(id: $0) }
            let signed = try reader.signedDocuments(documents.map(\.id))
            return (
                AgendaView(sessionID: sessionID, version: session.agendaVersion, items: items),
                documents.map { ReadableDocument(document: $0, signed: signed.contains($0.id)) }
            )
        }
    }

    /// Every frozen version, oldest first, with what changed.
    public func agendaVersions(_ sessionID: String, as actor: User) async throws -> [AgendaVersion] {
        try await storage.read { reader in
            _ = try Self.visibleSession(sessionID, to: actor, in: reader)
            return try reader.agendaVersions(sessionID: sessionID).map { version in
                var version = version
                version.items = try Self.readable(version.items, by: actor, in: reader)
                return version
            }
        }
    }

    /// The items as `actor` may see them: documents they may not read leave no id behind, only
    /// the mark that the item has withheld material.
    static func readable(
        _ items: [NumberedAgendaItem], by actor: User, in reader: any StorageReader, current session: Session? = nil
    ) throws -> [NumberedAgendaItem] {
        var memo: [String: Bool] = [:]
        // The current agenda of a session the actor is invited to (past its draft) is theirs to read
        // as far as their clearance goes: the sharing rule's first case, without asking it per document.
        if let session, session.state != .draft, try reader.participant(sessionID: session.id, userID: actor.id) != nil {
            for id in Set(items.flatMap(\.item.documentIDs)) {
                memo[id] = try reader.document(id: id).map { actor.isCleared(for: $0.classification) } ?? false
            }
        }
        return try items.map { numbered in
            var numbered = numbered
            let ids = numbered.item.documentIDs
            numbered.item.documentIDs = try actor.readable(ids, in: reader, memo: &memo)
            numbered.withheldMaterial = numbered.item.documentIDs.count < ids.count
            return numbered
        }
    }

    /// Adds an item (admin, clerk).
    public func addAgendaItem(_ sessionID: String, _ new: NewAgendaItem, as actor: User) async throws -> AgendaView {
        try actor.require(.manageSessions)
        let title = try Self.agendaTitle(new.title)
        try Self.checkMinutes(new.plannedMinutes)
        let id = configuration.identifiers.make("agi")
        return try await changeAgenda(sessionID, amendment: new.amendment, as: actor) { session, items, writer in
            let parent = try new.parent.flatMap { try Self.item($0, in: items, field: "parent") }
            try Self.checkDocuments(new.documents, for: actor, in: writer)
            var item = AgendaItem(
                id: id, sessionID: session.id, parentID: parent?.id, position: 0, title: title,
                presenter: try TextInput.clean(optional: new.presenter, field: "presenter"), plannedMinutes: new.plannedMinutes,
                documentIDs: new.documents)
            items = try Self.place(&item, at: new.position, among: items)
            items.append(item)
            return ("added \"\(title)\"", nil, item)
        }
    }

    /// Edits, moves, or sets the status of an item (admin, clerk). A status change alone is
    /// progress, not a new agenda, and makes no version.
    public func editAgendaItem(_ sessionID: String, item reference: String, _ edit: AgendaItemEdit, as actor: User)
        async throws -> AgendaView
    {
        try actor.require(.manageSessions)
        let title = try edit.title.map(Self.agendaTitle)
        try Self.checkMinutes(edit.plannedMinutes)
        return try await changeAgenda(sessionID, amendment: edit.amendment, versioned: edit.changesAgenda, as: actor) {
            session, items, writer in
            let before = try Self.item(reference, in: items, field: "item")
            var item = before
            if let title { item.title = title }
            if let presenter = edit.presenter { item.presenter = try TextInput.clean(optional: presenter, field: "presenter") }
            if let minutes = edit.plannedMinutes { item.plannedMinutes = minutes }
            if let status = edit.status { item.status = status }
            if let documents = edit.documents {
                try Self.checkDocuments(documents, for: actor, in: writer)
                item.documentIDs = documents
            }
            if edit.parent != nil || edit.position != nil {
                let parent = try edit.parent.map { $0.isEmpty ? nil : try Self.item($0, in: items, field: "parent") }
                    ?? items.first { $0.id == item.parentID }
                if let parent, try Self.isWithin(parent.id, item.id, items) {
                    throw DocketError.invalid("parent", "an item cannot move under itself or one of its sub-items")
                }
                items = Self.closeGap(after: item, in: items.filter { $0.id != item.id })
                item.parentID = parent?.id
                items = try Self.place(&item, at: edit.position, among: items)
            } else {
                items.removeAll { $0.id == item.id }
            }
            items.append(item)
            return ("changed \"\(item.title)\"", before, item)
        }
    }

    /// Removes an item without sub-items or conclusions (admin, clerk).
    public func removeAgendaItem(_ sessionID: String, item reference: String, amendment: String? = nil, as actor: User)
        async throws -> AgendaView
    {
        try actor.require(.manageSessions)
        return try await changeAgenda(sessionID, amendment: amendment, as: actor) { session, items, writer in
            let item = try Self.item(reference, in: items, field: "item")
            if items.contains(where: { $0.parentID == item.id }) {
                throw DocketError(.conflict, "\"\(item.title)\" has sub-items; remove or move them first", field: "item")
            }
            if try writer.conclusions(sessionID: session.id).contains(where: { $0.agendaItemID == item.id }) {
                throw DocketError(.conflict, "\"\(item.title)\" has conclusions and cannot be removed", field: "item")
            }
            try writer.removeAgendaItem(id: item.id)
            items = Self.closeGap(after: item, in: items.filter { $0.id != item.id })
            return ("removed \"\(item.title)\"", item, nil)
        }
    }

    /// Runs one agenda change: `body` edits the item list and says what it did; the rows are saved,
    /// and once invitations are out a version is frozen (an amendment instead once the session is
    /// closed). The clerk tells the participants with one agenda-change notice when they decide
    /// to: it covers every version since the last notice.
    private func changeAgenda(
        _ sessionID: String, amendment: String?, versioned: Bool = true, as actor: User,
        _ body: @escaping @Sendable (Session, inout [AgendaItem], any StorageWriter) throws
            -> (change: String, before: AgendaItem?, after: AgendaItem?)
    ) async throws -> AgendaView {
        try await storage.write { writer in
            var (session, amending) = try changeable(
                sessionID, "agenda", in: [.draft, .scheduled, .open], amendment: amendment, writer)
            var items = try writer.agendaItems(sessionID: session.id)
            let original = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let (change, before, after) = try body(session, &items, writer)
            for item in items where original[item.id] != item { try writer.save(item) }
            let outline = NumberedAgendaItem.outline(items)
            if session.state != .draft && versioned {
                session.agendaVersion += 1
                try writer.update(session)
                try writer.insert(
                    AgendaVersion(
                        sessionID: session.id, version: session.agendaVersion, items: outline, change: change,
                        createdBy: actor.id, createdAt: configuration.time.now()))
            }
            try audit.record(
                writer, actor: actor.id, action: .sessionAgenda, subject: session.id,
                details: ["change": change, "version": String(session.agendaVersion), "amendment": amending ?? ""])
            if let amending {
                try recordAmendment(
                    session, subject: "agenda \((after ?? before)?.id ?? "")", reason: amending, before: before, after: after,
                    actor: actor, writer)
            }
            return AgendaView(
                sessionID: session.id, version: session.agendaVersion, items: try Self.readable(outline, by: actor, in: writer))
        }
    }

    /// Freezes agenda version 1 and sends the invitation: the step to `scheduled`. A back-entered
    /// session's invitation went out on paper, so none is issued.
    func sendInvitations(_ session: inout Session, as actor: User, in writer: any StorageWriter) throws {
        let participants = try writer.participants(sessionID: session.id)
        guard !participants.isEmpty else {
            throw DocketError(.conflict, "session \(session.id) has no participants; invite them before scheduling", field: "state")
        }
        session.agendaVersion = 1
        try writer.update(session)
        try writer.insert(
            AgendaVersion(
                sessionID: session.id, version: 1, items: NumberedAgendaItem.outline(try writer.agendaItems(sessionID: session.id)),
                change: session.backEntered ? "agenda as held (back-entered)" : "invitations issued", createdBy: actor.id,
                createdAt: configuration.time.now()))
        guard !session.backEntered else { return }
        try NoticeWriter(audit: audit, records: records).issue(
            .invitation, for: session, to: participants.map(\.userID), agencies: [], note: nil, as: actor, in: writer)
    }

    // MARK: helpers

    /// The item with the outline number or id `reference`.
    static func item(_ reference: String, in items: [AgendaItem], field: String) throws -> AgendaItem {
        if let item = items.first(where: { $0.id == reference }) { return item }
        if let numbered = NumberedAgendaItem.outline(items).first(where: { $0.number == reference }) { return numbered.item }
        throw DocketError(.notFound, "the agenda has no item \(reference) (give its number, e.g. 1.2, or its id)", field: field)
    }

    /// Gives `item` its position among the siblings under its parent (last when nil), shifting
    /// those after it. A position must be one the outline can hold: 1 to one past the last sibling.
    static func place(_ item: inout AgendaItem, at position: Int?, among items: [AgendaItem]) throws -> [AgendaItem] {
        let siblings = items.filter { $0.parentID == item.parentID }
        let target = position ?? siblings.count + 1
        guard (1...siblings.count + 1).contains(target) else {
            throw DocketError.invalid(
                "position", "a position here is 1 to \(siblings.count + 1) (there are \(siblings.count) items at this level); got \(target)")
        }
        item.position = target
        return items.map { other in
            var other = other
            if other.parentID == item.parentID && other.position >= target { other.position += 1 }
            return other
        }
    }

    /// Closes the gap `item` leaves among its siblings.
    static func closeGap(after item: AgendaItem, in items: [AgendaItem]) -> [AgendaItem] {
        items.map { other in
            var other = other
            if other.parentID == item.parentID && other.position > item.position { other.position -= 1 }
            return other
        }
    }

    /// Whether `candidate` is `ancestor` or lies beneath it.
    static func isWithin(_ candidate: String, _ ancestor: String, _ items: [AgendaItem]) throws -> Bool {
        var current: String? = candidate
        var steps = 0
        while let id = current, steps <= items.count {
            if id == ancestor { return true }
            current = items.first { $0.id == id }?.parentID
            steps += 1
        }
        return false
    }

    static func agendaTitle(_ text: String) throws -> String {
        let title = try TextInput.clean(text, field: "title")
        guard (1...500).contains(title.count) else { throw DocketError.invalid("title", "an agenda item's title is 1 to 500 characters") }
        return title
    }

    static func checkMinutes(_ minutes: Int?) throws {
        if let minutes, !(1...1440).contains(minutes) {
            throw DocketError.invalid("minutes", "planned minutes are 1 to 1440; got \(minutes)")
        }
    }

    /// Attached documents must exist and be readable by the clerk attaching them.
    static func checkDocuments(_ ids: [String], for actor: User, in reader: any StorageReader) throws {
        for id in ids {
            guard let document = try reader.document(id: id), try actor.mayRead(document, in: reader) else {
                throw DocketError(.notFound, "no document with id \(id) to attach; `docket doc list` shows them", field: "documents")
            }
        }
        if Set(ids).count != ids.count { throw DocketError.invalid("documents", "a document is attached twice") }
    }
}
