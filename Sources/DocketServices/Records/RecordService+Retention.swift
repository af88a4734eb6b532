import DocketCore
import Foundation

extension RecordService {
    // MARK: holds

    /// Places a hold on dossiers (admin, clerk, chair) for an inspection, a complaint or a case.
    public func placeHold(on codes: [String], reason: String, as actor: User) async throws -> Hold {
        try actor.require(.placeHolds)
        let reason = try Self.text(reason, field: "reason")
        guard !codes.isEmpty else { throw DocketError.invalid("dossiers", "name the dossiers the hold covers") }
        let now = configuration.time.now()
        return try await storage.write { writer in
            let dossiers = try codes.map { try Self.dossier($0, for: actor, in: writer) }
            let hold = Hold(
                id: configuration.identifiers.make("hld"), reason: reason, dossierIDs: dossiers.map(\.id), placedBy: actor.id,
                placedAt: now)
            try writer.insert(hold)
            try audit.record(
                writer, actor: actor.id, action: .holdPlace, subject: hold.id,
                details: ["dossiers": dossiers.map(\.code).joined(separator: ","), "reason": reason])
            return hold
        }
    }

    /// Releases a hold: whoever placed it, or a chair.
    public func releaseHold(_ id: String, reason: String, as actor: User) async throws -> Hold {
        let reason = try Self.text(reason, field: "reason")
        let now = configuration.time.now()
        return try await storage.write { writer in
            guard var hold = try writer.hold(id: id), actor.hasAny(Permission.placeHolds.roles) else {
                throw DocketError.notFound("hold", id)
            }
            guard hold.placedBy == actor.id || actor.hasAny(Permission.decideRecords.roles) else {
                throw DocketError.forbidden("a hold is released by whoever placed it, or by a chair")
            }
            guard hold.isActive else { throw DocketError(.conflict, "hold \(id) was already released", field: "id") }
            try writer.release(holdID: id, by: actor.id, at: now, reason: reason)
            try audit.record(writer, actor: actor.id, action: .holdRelease, subject: id, details: ["reason": reason])
            hold.releasedBy = actor.id
            hold.releasedAt = now
            hold.releaseReason = reason
            return hold
        }
    }

    // MARK: due lists

    /// Closed dossiers whose retention has ended as of `asOf` (`YYYY-MM-DD`, today by default;
    /// readers of all records).
    public func dueForDisposal(asOf: String? = nil, as actor: User) async throws -> [DueDossier] {
        let asOf = try CalendarDate.parse(optional: asOf, field: "asOf") ?? configuration.today()
        return try await due(as: actor) { $0.retentionEnds.flatMap { $0 <= asOf ? $0 : nil } }
    }

    /// Closed dossiers to hand to the archive: kept 5 years or more, due within a year after the
    /// work ended, announced 30 days ahead of `asOf` (today by default; readers of all records).
    public func dueForTransfer(asOf: String? = nil, as actor: User) async throws -> [DueDossier] {
        let asOf = try CalendarDate.parse(optional: asOf, field: "asOf") ?? configuration.today()
        return try await due(as: actor) { $0.transferDue.flatMap { $0.adding(days: -30) <= asOf ? $0 : nil } }
    }

    private func due(as actor: User, _ date: @escaping @Sendable (Dossier) -> CalendarDate?) async throws -> [DueDossier] {
        try actor.require(.readAllRecords)
        return try await storage.read { reader in
            var due: [DueDossier] = []
            var offset = 0
            while true {
                let page = try reader.dossiers(state: .closed, page: Page(limit: Page.maximumLimit, offset: offset))
                for dossier in page.items where actor.isCleared(for: dossier.accessLevel) {
                    guard let when = date(dossier) else { continue }
                    due.append(
                        DueDossier(
                            code: dossier.code, title: dossier.title, closedOn: dossier.closedOn, retentionYears: dossier.retentionYears,
                            due: when, holds: try reader.activeHolds(dossierID: dossier.id).map(\.id)))
                }
                offset += page.items.count
                if page.items.isEmpty || offset >= page.total { break }
            }
            return due
        }
    }

    // MARK: disposal

    /// Disposes of closed dossiers whose retention has ended, by a chair's decision: their
    /// documents' content leaves the store (unless a kept dossier also holds it), a stub of each
    /// stays, and a signed disposal record is filed. Held dossiers stop the whole decision, and
    /// each blocked attempt is an audit event. The content is removed only after the commit.
    public func dispose(_ codes: [String], reason: String, as actor: User) async throws -> DisposalRecord {
        try actor.require(.decideRecords)
        let reason = try Self.text(reason, field: "reason")
        guard !codes.isEmpty else { throw DocketError.invalid("dossiers", "name the dossiers to dispose of") }
        try await refuseHeld(codes, .dossierDispose, as: actor)
        let today = configuration.today()
        let now = configuration.time.now()
        let (record, removable) = try await storage.write { writer -> (DisposalRecord, [String]) in
            let dossiers = try codes.map { try Self.dossier($0, for: actor, in: writer) }
            let disposing = Set(dossiers.map(\.id))
            var stubs: [DisposalRecord.Stub] = []
            for dossier in dossiers {
                guard dossier.state == .closed else {
                    throw DocketError(.conflict, "dossier \(dossier.code) is \(dossier.state.rawValue); only a closed dossier is disposed of", field: "dossiers")
                }
                guard let ends = dossier.retentionEnds, ends <= today else {
                    throw DocketError(
                        .conflict,
                        "dossier \(dossier.code) is kept \(dossier.retentionEnds.map { "until \($0)" } ?? "permanently"); it is not due for disposal",
                        field: "dossiers")
                }
                for item in try writer.dossierItems(dossierID: dossier.id) {
                    guard let document = try writer.document(id: item.documentID) else { continue }
                    let kept = try writer.dossiers(holding: document.id).contains { !disposing.contains($0.id) && $0.state != .disposed }
                    stubs.append(
                        DisposalRecord.Stub(
                            dossier: dossier.code, documentID: document.id,
                            symbol: try item.entryID.flatMap { try writer.registerEntry(id: $0)?.symbol }, title: document.title,
                            sha256: document.sha256, size: document.size, filedAt: item.addedAt, contentDestroyed: !kept))
                }
            }
            let id = configuration.identifiers.make("dsp")
            let html = Self.disposalRecord(id: id, dossiers: dossiers, stubs: stubs, reason: reason, by: actor, at: now, timeZone: configuration.timeZone)
            let document = try signed.file(
                Data(html.utf8), title: "Biên bản hủy tài liệu \(id)", filename: "bien-ban-huy-\(id).html", mediaType: "text/html",
                signerID: actor.id, actor: actor, in: writer)
            var removable: Set<String> = []
            for stub in stubs where stub.contentDestroyed {
                try writer.markDisposed(documentID: stub.documentID, disposalID: id, at: now)
                if try writer.liveDocuments(sha256: stub.sha256) == 0 {
                    // Content kept in the database goes with this transaction; a file after it commits.
                    try writer.deleteSmallBlob(sha256: stub.sha256)
                    removable.insert(stub.sha256)
                }
            }
            for var dossier in dossiers {
                dossier.state = .disposed
                try writer.update(dossier)
                try audit.record(
                    writer, actor: actor.id, action: .dossierDispose, subject: dossier.id,
                    details: [
                        "code": dossier.code, "disposal": id, "record": document.id, "reason": reason,
                        "documents": stubs.filter { $0.dossier == dossier.code }.map { "\($0.documentID):\($0.sha256)" }.joined(separator: ","),
                    ])
            }
            return (
                DisposalRecord(
                    id: id, decidedBy: actor.username, reason: reason, recordDocumentID: document.id, dossiers: dossiers.map(\.code),
                    stubs: stubs),
                removable.sorted()
            )
        }
        for sha256 in removable { blobs.remove(sha256) }
        return record
    }

    /// Records a blocked attempt for each held dossier among `codes` and refuses, before anything changes.
    func refuseHeld(_ codes: [String], _ action: AuditAction, as actor: User) async throws {
        let blocked = try await storage.write { writer -> DocketError? in
            var held: [String] = []
            for code in codes {
                let dossier = try Self.dossier(code, for: actor, in: writer)
                let holds = try writer.activeHolds(dossierID: dossier.id)
                guard !holds.isEmpty else { continue }
                held.append("\(dossier.code) (\(holds.map { "\($0.id): \($0.reason)" }.joined(separator: "; ")))")
                try audit.record(
                    writer, actor: actor.id, action: .holdBlocked, subject: dossier.id,
                    details: ["attempt": action.rawValue, "holds": holds.map(\.id).joined(separator: ",")])
            }
            guard !held.isEmpty else { return nil }
            return DocketError(
                .conflict,
                "under hold: \(held.joined(separator: ", ")); nothing is closed out, transferred or disposed of until it is released",
                field: "hold")
        }
        if let blocked { throw blocked }
    }

    /// Biên bản hủy: who decided, why, and each destroyed document's stub.
    static func disposalRecord(
        id: String, dossiers: [Dossier], stubs: [DisposalRecord.Stub], reason: String, by actor: User, at date: Date,
        timeZone: TimeZone
    ) -> String {
        var body = """
            <h1>Biên bản hủy tài liệu hết giá trị</h1>
            <p>Số: \(HTML.escape(id)) — ngày \(LocalTime.day(date, in: timeZone))</p>
            <p>Người quyết định: \(HTML.escape(actor.username))<br>Lý do: \(HTML.escape(reason))</p>
            <p>Hồ sơ: \(HTML.escape(dossiers.map { "\($0.code) \($0.title)" }.joined(separator: "; ")))</p>
            <table><tr><th>Hồ sơ</th><th>Số, ký hiệu</th><th>Tên tài liệu</th><th>SHA-256</th><th>Dung lượng</th><th>Ngày lưu</th><th>Hủy nội dung</th></tr>

            """
        for stub in stubs {
            body += "<tr><td>\(HTML.escape(stub.dossier))</td><td>\(HTML.escape(stub.symbol ?? ""))</td><td>\(HTML.escape(stub.title))</td>"
                + "<td><code>\(stub.sha256)</code></td><td>\(stub.size)</td><td>\(LocalTime.day(stub.filedAt, in: timeZone))</td>"
                + "<td>\(stub.contentDestroyed ? "có" : "không — còn trong hồ sơ khác")</td></tr>\n"
        }
        return HTML.page(title: "Biên bản hủy \(id)", body: body + "</table>")
    }
}
