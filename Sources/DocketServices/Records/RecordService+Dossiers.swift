import DocketCore
import Foundation

extension RecordService {
    // MARK: filing plans

    /// Drafts a unit's filing plan for a year (admin, clerk): version 1, or the next version when
    /// the year has one already.
    public func createPlan(_ new: NewFilingPlan, as actor: User) async throws -> FilingPlan {
        try actor.require(.manageRecords)
        let now = configuration.time.now()
        return try await storage.write { writer in
            let unit = try AgencyService.agency(new.unit, field: "unit", in: writer).code
            let version = (try writer.filingPlans(unit: unit, year: new.year).last?.version ?? 0) + 1
            let plan = FilingPlan(
                id: configuration.identifiers.make("fpl"), unit: unit, year: new.year, version: version, state: .draft,
                headings: new.headings, createdBy: actor.id, createdAt: now)
            try writer.insert(plan)
            try audit.record(
                writer, actor: actor.id, action: .filingPlanCreate, subject: plan.id,
                details: ["unit": unit, "year": String(plan.year), "version": String(version), "headings": String(plan.headings.count)])
            return plan
        }
    }

    /// Approves a draft plan (chair); dossiers open under the latest approved version.
    public func approvePlan(_ id: String, as actor: User) async throws -> FilingPlan {
        try actor.require(.decideRecords)
        let now = configuration.time.now()
        return try await storage.write { writer in
            guard var plan = try writer.filingPlan(id: id) else { throw DocketError.notFound("filing plan", id) }
            guard plan.state == .draft else {
                throw DocketError(.conflict, "version \(plan.version) is already approved; draft a new version to change it", field: "state")
            }
            try writer.approve(planID: id, by: actor.id, at: now)
            try audit.record(writer, actor: actor.id, action: .filingPlanApprove, subject: id, details: ["version": String(plan.version)])
            plan.state = .approved
            plan.approvedBy = actor.id
            plan.approvedAt = now
            return plan
        }
    }

    /// A unit's plans for a year, every version (readers of all records).
    public func plans(unit: String, year: Int, as actor: User) async throws -> [FilingPlan] {
        try actor.require(.readAllRecords)
        return try await storage.read { reader in
            try reader.filingPlans(unit: AgencyService.agency(unit, field: "unit", in: reader).code, year: year)
        }
    }

    // MARK: dossiers

    /// Opens a dossier under a heading of the unit's latest approved plan for the year (admin,
    /// clerk). It takes the heading's retention and the next code `YEAR.HEADING.HSn`.
    public func openDossier(
        unit: String, year: Int, heading: String, title: String, clerk: String? = nil, accessLevel: String? = nil,
        language: String? = nil, openedOn: String? = nil, as actor: User
    ) async throws -> Dossier {
        try actor.require(.manageRecords)
        let title = try Self.line(title, field: "title", limit: 500)
        let access = try Classification.parse(optional: accessLevel, field: "accessLevel") ?? .internal
        let language = try TextInput.clean(optional: language, field: "language") ?? "vi"
        let opened = try CalendarDate.parse(optional: openedOn, field: "openedOn") ?? configuration.today()
        try Self.check(access, for: actor)
        let now = configuration.time.now()
        return try await storage.write { writer in
            let unit = try AgencyService.agency(unit, field: "unit", in: writer).code
            guard let plan = try writer.filingPlans(unit: unit, year: year).last(where: { $0.state == .approved }) else {
                throw DocketError.invalid("year", "\(unit) has no approved filing plan for \(year); draft one and have a chair approve it")
            }
            guard let found = plan.headings.first(where: { CanonicalName.key($0.code) == CanonicalName.key(heading) }) else {
                throw DocketError.invalid(
                    "heading", "the \(year) plan of \(unit) has no heading \(heading); it has \(plan.headings.map(\.code).joined(separator: ", "))")
            }
            let clerk = try clerk.map { try SessionService.user($0, in: writer) } ?? actor
            let number = try writer.lastDossierNumber(unit: unit, year: year, headingCode: found.code) + 1
            let dossier = Dossier(
                id: configuration.identifiers.make("dos"), code: "\(year).\(found.code).HS\(number)", planID: plan.id,
                headingCode: found.code, number: number, title: title, unit: unit, clerkID: clerk.id, openedOn: opened,
                retentionYears: found.retentionYears, accessLevel: access, language: language, createdBy: actor.id, createdAt: now)
            try writer.insert(dossier)
            try Self.index(dossier, headingTitle: found.title, in: writer)
            try audit.record(
                writer, actor: actor.id, action: .dossierOpen, subject: dossier.id,
                details: ["code": dossier.code, "plan": plan.id, "retention": found.retentionYears.map(String.init) ?? "permanent"])
            return dossier
        }
    }

    /// Files a document in an open dossier (admin, clerk): a registered entry's original, or any
    /// document the actor may read. It is referred to, not copied.
    public func addToDossier(
        _ code: String, entry entryID: String? = nil, document documentID: String? = nil, note: String? = nil, as actor: User
    ) async throws -> DossierView {
        try actor.require(.manageRecords)
        let note = try TextInput.clean(optional: note, field: "note", multiline: true)
        let now = configuration.time.now()
        try await storage.write { writer in
            let dossier = try Self.dossier(code, for: actor, in: writer)
            guard dossier.state == .open else {
                throw DocketError(.conflict, "dossier \(dossier.code) is \(dossier.state.rawValue) and takes no more documents", field: "dossier")
            }
            let entry = try entryID.map { try Self.readable($0, by: actor, in: writer) }
            guard let id = documentID ?? entry?.documentID else {
                throw DocketError.invalid(
                    "document", entryID == nil ? "name a document or a register entry to file" : "entry \(entryID ?? "") has no original in the store")
            }
            guard let document = try writer.document(id: id), try actor.mayRead(document, in: writer) else {
                throw DocketError(.notFound, "no document with id \(id)", field: "document")
            }
            let position = (try writer.dossierItems(dossierID: dossier.id).last?.position ?? 0) + 1
            try writer.append(
                DossierItem(dossierID: dossier.id, position: position, documentID: id, entryID: entry?.id, note: note, addedBy: actor.id, addedAt: now))
            let heading = try writer.filingPlan(id: dossier.planID)?.headings.first { $0.code == dossier.headingCode }
            try Self.index(dossier, headingTitle: heading?.title, in: writer)
            try audit.record(
                writer, actor: actor.id, action: .dossierAdd, subject: dossier.id,
                details: ["document": id, "entry": entry?.id ?? "", "position": String(position)])
        }
        return try await dossier(code, as: actor)
    }

    /// Whether `actor` may file documents in the dossier now, by the rules `addToDossier` applies.
    public static func mayFile(in dossier: Dossier, by actor: User) -> Bool {
        actor.hasAny(Permission.manageRecords.roles) && dossier.state == .open
    }

    /// Whether `actor` may close the dossier now, by the rules `closeDossier` applies: open, and no hold.
    public static func mayClose(_ view: DossierView, by actor: User) -> Bool {
        mayFile(in: view.dossier, by: actor) && view.holds.isEmpty
    }

    /// Closes a dossier (admin, clerk): it takes no more documents and its retention starts. A
    /// hold blocks it.
    public func closeDossier(_ code: String, on date: String? = nil, as actor: User) async throws -> Dossier {
        try actor.require(.manageRecords)
        let closedOn = try CalendarDate.parse(optional: date, field: "closedOn") ?? configuration.today()
        return try await changeUnlessHeld(code, .dossierClose, as: actor) { dossier, writer in
            guard dossier.state == .open else {
                throw DocketError(.conflict, "dossier \(dossier.code) is \(dossier.state.rawValue), not open", field: "state")
            }
            guard closedOn >= dossier.openedOn else {
                throw DocketError.invalid("closedOn", "\(closedOn) is before the dossier opened (\(dossier.openedOn))")
            }
            dossier.state = .closed
            dossier.closedOn = closedOn
            return ["closedOn": closedOn.description]
        }
    }

    /// Raises a dossier's retention (admin, clerk), with a logged reason; it is never lowered.
    public func raiseRetention(_ code: String, to retention: String, reason: String, as actor: User) async throws -> Dossier {
        try actor.require(.manageRecords)
        let years = try NewFilingPlan.retention(retention, field: "retention")
        let reason = try Self.text(reason, field: "reason")
        return try await storage.write { writer in
            var dossier = try Self.dossier(code, for: actor, in: writer)
            guard dossier.state == .open || dossier.state == .closed else {
                throw DocketError(.conflict, "dossier \(dossier.code) is \(dossier.state.rawValue)", field: "state")
            }
            let current = dossier.retentionYears ?? .max
            guard (years ?? .max) > current else {
                throw DocketError.invalid(
                    "retention", "retention is only ever raised: \(dossier.code) is kept \(dossier.retentionYears.map { "\($0) years" } ?? "permanently")")
            }
            dossier.retentionYears = years
            dossier.retentionReason = reason
            try writer.update(dossier)
            try audit.record(
                writer, actor: actor.id, action: .dossierRetention, subject: dossier.id,
                details: ["from": current == .max ? "permanent" : String(current), "to": years.map(String.init) ?? "permanent", "reason": reason])
            return dossier
        }
    }

    /// A dossier, its documents and holds (readers of all records cleared for its access level).
    public func dossier(_ code: String, as actor: User) async throws -> DossierView {
        try await storage.read { reader in
            let dossier = try Self.dossier(code, for: actor, in: reader)
            var items: [DossierView.Item] = []
            for item in try reader.dossierItems(dossierID: dossier.id) {
                guard let document = try reader.document(id: item.documentID) else { continue }
                let entry = try item.entryID.flatMap { try reader.registerEntry(id: $0) }
                items.append(
                    DossierView.Item(
                        position: item.position, documentID: document.id, title: document.title, symbol: entry.map(\.symbol),
                        pages: entry?.pages, date: entry?.documentDate ?? CalendarDate(document.createdAt, in: configuration.timeZone),
                        disposed: try reader.isDisposed(documentID: document.id), sha256: document.sha256, size: document.size))
            }
            let dates = items.compactMap(\.date)
            return DossierView(
                dossier: dossier, items: items, pageCount: items.compactMap(\.pages).reduce(0, +), firstDate: dates.min(),
                lastDate: dates.max(), holds: try reader.activeHolds(dossierID: dossier.id))
        }
    }

    /// Dossiers in code order (readers of all records), up to the actor's clearance.
    public func dossiers(state: String?, page: Page, as actor: User) async throws -> Paged<Dossier> {
        try actor.require(.readAllRecords)
        let state = try state.map { try Dossier.State.parse($0, field: "state") }
        let all = try await storage.read { try $0.dossiers(state: state, page: page) }
        return Paged(items: all.items.filter { actor.isCleared(for: $0.accessLevel) }, total: all.total, page: page)
    }

    // MARK: shared

    /// Indexes a dossier for search: its code, title, unit and heading, and each filed document's
    /// title, number and summary.
    static func index(_ dossier: Dossier, headingTitle: String?, in writer: any StorageWriter) throws {
        var text = [dossier.code, dossier.title, dossier.unit, headingTitle ?? ""]
        for item in try writer.dossierItems(dossierID: dossier.id) {
            if let document = try writer.document(id: item.documentID) { text.append(document.title) }
            if let entry = try item.entryID.flatMap({ try writer.registerEntry(id: $0) }) { text += [entry.symbol, entry.summary] }
        }
        try writer.index(dossierID: dossier.id, text: text.joined(separator: "\n"))
    }

    /// The dossier with `code` (or id) if the actor reads all records and is cleared for it.
    static func dossier(_ code: String, for actor: User, in reader: any StorageReader) throws -> Dossier {
        guard actor.hasAny(Permission.readAllRecords.roles),
            let dossier = try reader.dossier(code: code) ?? reader.dossier(id: code), actor.isCleared(for: dossier.accessLevel)
        else { throw DocketError(.notFound, "no dossier with the code \(code)", field: "dossier") }
        return dossier
    }

    /// Applies `change` to the dossier unless a hold covers it. A blocked attempt is itself an
    /// audit event, committed, and then refused.
    func changeUnlessHeld(
        _ code: String, _ action: AuditAction, as actor: User,
        _ change: @escaping @Sendable (inout Dossier, any StorageWriter) throws -> [String: String]
    ) async throws -> Dossier {
        try await refuseHeld([code], action, as: actor)
        return try await storage.write { writer in
            var dossier = try Self.dossier(code, for: actor, in: writer)
            // A hold placed since the check above still wins.
            guard try writer.activeHolds(dossierID: dossier.id).isEmpty else {
                throw DocketError(.conflict, "dossier \(dossier.code) was put under hold just now", field: "hold")
            }
            let details = try change(&dossier, writer)
            try writer.update(dossier)
            try audit.record(writer, actor: actor.id, action: action, subject: dossier.id, details: details.merging(["code": dossier.code]) { a, _ in a })
            return dossier
        }
    }
}
