import DocketCore
import Foundation

/// Work records: registers and their gap-free numbers, incoming and outgoing documents, and the
/// processing of incoming documents.
public struct RecordService: Sendable {
    let storage: any Storage
    let blobs: BlobStore
    let audit: AuditLog
    /// Files the signed records Docket writes itself (disposal and transfer records).
    let signed: SignedRecords
    /// Registrations arriving together share one commit (and its fsync), each in its own savepoint.
    let groupCommit: WriteBatcher
    /// Proves the transfer that issued an archive pack.
    let auditLog: AuditService
    var configuration: DocketConfiguration { signed.configuration }
    var book: RegisterBook { RegisterBook(configuration: configuration) }

    // MARK: registers

    /// Opens a register (admin, clerk).
    public func createRegister(_ new: NewRegister, as actor: User) async throws -> Register {
        try actor.require(.manageRecords)
        let code = try Self.code(new.code, field: "code", what: "a register code")
        let issuer = try Self.code(new.issuer, field: "issuer", what: "an issuer")
        let term = try TextInput.clean(optional: new.term, field: "term")
        switch (new.period, term) {
        case (.term, nil):
            throw DocketError.invalid("term", "a register numbered per term needs the current term, e.g. XIII or 2020-2025")
        case (.year, .some):
            throw DocketError.invalid("term", "a term is set only on a register numbered per term (period term)")
        default: break
        }
        let defaultName = new.kind == .incoming ? "Sổ đăng ký văn bản đến" : "Sổ đăng ký văn bản đi"
        let name = try TextInput.clean(optional: new.name, field: "name") ?? "\(defaultName) — \(code)"
        guard name.count <= 200 else { throw DocketError.invalid("name", "a register's name is at most 200 characters") }
        let register = Register(
            id: configuration.identifiers.make("reg"), code: code, name: name, kind: new.kind, issuer: issuer,
            period: new.period, term: term, seriesPerType: new.seriesPerType, secretSeries: new.secretSeries,
            createdBy: actor.id, createdAt: configuration.time.now())
        return try await storage.write { writer in
            try writer.insert(register)
            try audit.record(writer, actor: actor.id, action: .registerCreate, subject: register.id, details: register.auditDetails)
            return register
        }
    }

    /// Continues a series from numbers taken before Docket (admin, clerk): its first Docket
    /// number will be `next`. Once per series, before Docket takes any number in it, with the
    /// reason. `register` is a register's code, or a body's code for the register its notices
    /// are numbered in (opened now if need be); the series is the one a document of `type` and
    /// `classification` dated in `year` (default this year) is numbered in.
    public func startSeries(
        register code: String, type: String, classification: Classification = .internal, year: Int? = nil, next: Int,
        reason: String, as actor: User
    ) async throws -> SeriesStart {
        try actor.require(.manageRecords)
        let type = try DocumentType.parse(type, field: "type")
        guard (2...999_999).contains(next) else {
            throw DocketError.invalid("next", "the next number is 2 or more (every series starts at 1 anyway); got \(next)")
        }
        let reason = try Self.line(reason, field: "reason", limit: 500)
        let year = year ?? configuration.today().year
        let now = configuration.time.now()
        return try await storage.write { writer in
            let register: Register
            if let found = try writer.register(code: code) {
                register = found
            } else if let body = try writer.body(code: code) {
                register = try book.register(for: body, as: actor, audit: audit, in: writer)
            } else {
                throw DocketError(.notFound, "no register and no body with the code \(code)", field: "register")
            }
            let series = register.series(type: type, classification: classification, year: year)
            if let started = try writer.seriesStarts(registerID: register.id).first(where: { $0.series == series }) {
                throw DocketError(
                    .conflict, "series \(series) of \(register.code) already continues from paper at \(started.nextNumber) (\(started.reason)); a series is started once",
                    field: "next")
            }
            let last = try writer.lastRegisterNumber(registerID: register.id, series: series)
            guard last == 0 else {
                throw DocketError(
                    .conflict, "series \(series) of \(register.code) already has Docket numbers up to \(last); a series is started before its first number",
                    field: "register")
            }
            let start = SeriesStart(
                registerID: register.id, series: series, nextNumber: next, reason: reason, startedBy: actor.id, startedAt: now)
            try writer.insert(start)
            try audit.record(
                writer, actor: actor.id, action: .registerSeriesStart, subject: register.id,
                details: ["series": series, "next": String(next), "reason": reason])
            return start
        }
    }

    /// The registers, incoming first, by code (readers of all records).
    public func registers(page: Page, as actor: User) async throws -> Paged<Register> {
        try actor.require(.readAllRecords)
        let registers = try await storage.read { try $0.registers() }
        return Paged(items: Array(registers.dropFirst(page.offset).prefix(page.limit)), total: registers.count, page: page)
    }

    /// A register's entries in number order: all of them for readers of all records, else the
    /// ones the actor handles; never above the actor's clearance.
    public func entries(register code: String?, kind: RegisterKind? = nil, year: Int?, page: Page, as actor: User) async throws -> Paged<RegisterEntry> {
        try await storage.read { reader in
            let register = try Self.register(code, kind: kind, in: reader)
            let filter = RegisterEntryFilter(
                registerID: register.id, year: year, maximumClassification: actor.clearance,
                handledBy: actor.hasAny(Permission.readAllRecords.roles) ? nil : actor.id)
            return try reader.registerEntries(filter, page: page)
        }
    }

    /// One entry and its processing history; unknown and unreadable entries are both "not found".
    public func entry(_ id: String, as actor: User) async throws -> RegisterEntryDetail {
        try await storage.read { reader in
            let entry = try Self.readable(id, by: actor, in: reader)
            return RegisterEntryDetail(entry: entry, steps: try reader.processingSteps(entryID: id))
        }
    }

    /// Marks an outgoing document withdrawn (admin, clerk); it keeps its number.
    public func withdraw(_ id: String, reason: String, as actor: User) async throws -> RegisterEntry {
        try actor.require(.manageRecords)
        let reason = try TextInput.clean(reason, field: "reason", multiline: true)
        guard !reason.isEmpty else { throw DocketError.invalid("reason", "say why the document is withdrawn") }
        let now = configuration.time.now()
        return try await storage.write { writer in
            var entry = try Self.readable(id, by: actor, in: writer)
            guard entry.kind == .outgoing else {
                throw DocketError(.conflict, "\(entry.symbol) is an incoming document; only issued documents are withdrawn", field: "id")
            }
            guard entry.withdrawnAt == nil else {
                throw DocketError(.conflict, "\(entry.symbol) was already withdrawn", field: "id")
            }
            entry.withdrawnAt = now
            entry.withdrawnBy = actor.id
            entry.withdrawReason = reason
            try writer.update(entry)
            try audit.record(
                writer, actor: actor.id, action: .recordWithdraw, subject: id, details: ["symbol": entry.symbol, "reason": reason])
            return entry
        }
    }

    // MARK: shared lookups

    static func register(_ code: String, in reader: any StorageReader) throws -> Register {
        guard let register = try reader.register(code: code) ?? reader.register(id: code) else {
            throw DocketError(.notFound, "no register with the code \(code); see `docket register list`", field: "register")
        }
        return register
    }

    /// The entry if the actor may read it: cleared for it, and a reader of all records or one of
    /// its handlers (now or before).
    static func readable(_ id: String, by actor: User, in reader: any StorageReader) throws -> RegisterEntry {
        guard let entry = try reader.registerEntry(id: id), actor.isCleared(for: entry.classification),
            try actor.hasAny(Permission.readAllRecords.roles) || reader.handles(entryID: id, userID: actor.id)
        else { throw DocketError.notFound("register entry", id) }
        return entry
    }

    /// A code or issuer: one line, no spaces or slashes, 1 to 40 characters.
    static func code(_ text: String, field: String, what: String) throws -> String {
        let code = try CanonicalName.identifier(text, field: field, what: what)
        guard (1...40).contains(code.count), !code.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw DocketError.invalid(field, "\(what) is 1 to 40 characters without spaces or slashes; got '\(text)'")
        }
        return code
    }

    /// One line of text, 1 to `limit` characters.
    static func line(_ text: String, field: String, limit: Int) throws -> String {
        let line = try TextInput.clean(text, field: field)
        guard (1...limit).contains(line.count) else {
            throw DocketError.invalid(field, "\(field) is 1 to \(limit) characters; got \(line.count)")
        }
        return line
    }
}
