import DocketCore
import Foundation

/// The one numbering engine for every register, notices included: inside the caller's write
/// transaction it takes the next number of the entry's series and inserts the entry. Writes are
/// serialized by the database, so two registrations never take one number; when anything later
/// in the transaction fails, the number is rolled back with it and stays free.
struct RegisterBook: Sendable {
    let configuration: DocketConfiguration

    /// Numbers `entry` (its series, number, year and symbol are filled in here), inserts it and
    /// indexes it with its original's title and `text`. A back-entered entry keeps the number it
    /// was given on paper (see `numberBackEntered`).
    func enter(
        _ entry: RegisterEntry, in register: Register, document: Document?, text: String?, backEntered: BackEntry? = nil,
        in writer: any StorageWriter
    ) throws -> RegisterEntry {
        let numbered = try backEntered.map {
            try numberBackEntered(entry, dated: $0.date, number: $0.number, in: register, in: writer)
        } ?? number(entry, in: register, in: writer)
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
        var entry = numbered(entry, in: register, year: CalendarDate(entry.registeredAt, in: configuration.timeZone).year)
        entry.number = try writer.lastRegisterNumber(registerID: register.id, series: entry.series) + 1
        return numbered(entry, in: register, year: entry.year)
    }

    /// `entry` as numbered before Docket, on paper, dated `date`: in the series of `date`'s year,
    /// with `number` when it is given, else the next number of that series. A given number is one
    /// no entry has and one that leaves no gap: the next of its series, or one below where the
    /// series was started from paper (`docket register start`).
    func numberBackEntered(
        _ entry: RegisterEntry, dated date: CalendarDate, number: Int?, in register: Register, in writer: any StorageWriter
    ) throws -> RegisterEntry {
        var entry = numbered(entry, in: register, year: date.year)
        entry.backEntered = true
        let last = try writer.lastRegisterNumber(registerID: register.id, series: entry.series)
        guard let number else {
            entry.number = last + 1
            return numbered(entry, in: register, year: date.year)
        }
        guard (1...999_999).contains(number) else {
            throw DocketError.invalid("number", "a register number is 1 to 999999; got \(number)")
        }
        if let taken = try writer.registerEntry(registerID: register.id, series: entry.series, number: number) {
            throw DocketError(
                .conflict, "number \(number) of series \(entry.series) of \(register.code) is already \(taken.symbol) (\(taken.summary))",
                field: "number")
        }
        let start = try writer.seriesStarts(registerID: register.id).first { $0.series == entry.series }
        guard number == last + 1 || number < start?.nextNumber ?? 1 else {
            let belowStart = start.map { ", or below \($0.nextNumber), where the series continued from paper" } ?? ""
            throw DocketError.invalid(
                "number",
                "\(number) would leave a gap in series \(entry.series) of \(register.code): the next number is \(last + 1)\(belowStart); "
                    + "enter the earlier numbers first, or start the series after the paper ones with `docket register start`")
        }
        entry.number = number
        return numbered(entry, in: register, year: date.year)
    }

    /// `entry` with the year, series and symbol of its number in `register`.
    private func numbered(_ entry: RegisterEntry, in register: Register, year: Int) -> RegisterEntry {
        var entry = entry
        entry.registerID = register.id
        entry.year = year
        entry.series = register.series(type: entry.type, classification: entry.classification, year: year)
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
