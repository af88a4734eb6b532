import DocketCore
import Foundation

/// The one numbering engine for every register, notices included: inside the caller's write
/// transaction it takes the next number of the entry's series and inserts the entry. Writes are
/// serialized by the database, so two registrations never take one number; when anything later
/// in the transaction fails, the number is rolled back with it and stays free.
struct RegisterBook: Sendable {
    let configuration: DocketConfiguration

    /// Numbers `entry` (its series, number, year and symbol are filled in here), inserts it and
    /// indexes it with its original's title and `text`.
    func enter(
        _ entry: RegisterEntry, in register: Register, document: Document?, text: String?, in writer: any StorageWriter
    ) throws -> RegisterEntry {
        let numbered = try number(entry, in: register, in: writer)
        try insert(numbered, document: document, text: text, in: writer)
        return numbered
    }

    /// Inserts a numbered entry and its text in the full-text index.
    func insert(_ entry: RegisterEntry, document: Document?, text: String?, in writer: any StorageWriter) throws {
        try writer.insert(entry)
        let fields = [entry.summary, entry.sender, entry.senderSymbol, entry.symbol, entry.type, entry.signer, entry.note]
        let indexed = (fields.compactMap { $0 } + entry.recipients + [document?.title, text].compactMap { $0 })
        try writer.index(entryID: entry.id, text: indexed.joined(separator: "\n"))
    }

    /// `entry` with the next number of its series, for a caller that needs the number before it
    /// inserts the entry in the same transaction (a notice prints its own symbol).
    func number(_ entry: RegisterEntry, in register: Register, in writer: any StorageWriter) throws -> RegisterEntry {
        var entry = entry
        entry.registerID = register.id
        entry.year = CalendarDate(entry.registeredAt, in: configuration.timeZone).year
        entry.series = register.series(type: entry.type, classification: entry.classification, year: entry.year)
        entry.number = try writer.lastRegisterNumber(registerID: register.id, series: entry.series) + 1
        entry.symbol =
            register.kind == .outgoing
            ? Notice.symbol(number: entry.number, type: entry.type, issuer: register.issuer) : String(entry.number)
        return entry
    }

    /// The outgoing register a body's notices are numbered in: the one whose issuer is the body's
    /// code, opened on first use with the body's scheme (a series per document type, per term or
    /// per year). Its code is the body's, or `CODE-ĐI` (then `CODE-ĐI-2`, …) when a register
    /// opened by hand already has that code.
    func register(for body: Body, as actor: User, audit: AuditLog, in writer: any StorageWriter) throws -> Register {
        if let register = try writer.outgoingRegister(issuer: body.code) { return register }
        var code = body.code
        var suffix = 1
        while try writer.register(code: code) != nil {
            code = "\(body.code)-ĐI" + (suffix == 1 ? "" : "-\(suffix)")
            suffix += 1
        }
        let register = Register(
            id: configuration.identifiers.make("reg"), code: code, name: "Sổ văn bản đi — \(body.name)", kind: .outgoing,
            issuer: body.code, period: body.numbering == .party ? .term : .year,
            term: body.numbering == .party ? body.term : nil, seriesPerType: true, secretSeries: false, createdBy: actor.id,
            createdAt: configuration.time.now())
        try writer.insert(register)
        try audit.record(writer, actor: actor.id, action: .registerCreate, subject: register.id, details: register.auditDetails)
        return register
    }
}

extension Register {
    /// What the audit event of its creation keeps.
    var auditDetails: [String: String] {
        [
            "code": code, "kind": kind.rawValue, "issuer": issuer, "period": period.rawValue, "term": term ?? "",
            "seriesPerType": String(seriesPerType), "secretSeries": String(secretSeries),
        ]
    }
}
