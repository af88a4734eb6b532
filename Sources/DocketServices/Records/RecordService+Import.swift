import DocketCore
import Foundation

/// What a register import entered.
public struct RegisterImportResult: Sendable, Codable, Equatable {
    /// The numbers one series received.
    public struct Series: Sendable, Codable, Equatable {
        public var series: String
        public var first: Int
        public var last: Int
        public var count: Int
    }

    public var register: String
    public var imported: Int
    public var series: [Series]
    /// Incoming rows whose sender, number and symbol were registered before: likely duplicates.
    public var likelyDuplicates: Int
}

extension RecordService {
    /// The columns of an incoming register's import: the paper book's (Decree 30/2020, appendix IV).
    static let incomingColumns: [ImportSheet.Column] = [
        .init("number", ["Số đến"]),
        .init("arrived", field: "arrivedAt", ["Ngày đến"]),
        .init("sender", ["Tác giả", "Nơi gửi", "Cơ quan gửi", "Cơ quan ban hành"]),
        .init("senderSymbol", ["Số, ký hiệu", "Số ký hiệu", "Số và ký hiệu"]),
        .init("senderDate", ["Ngày tháng", "Ngày văn bản", "Ngày tháng văn bản"]),
        .init("type", ["Tên loại", "Loại văn bản", "Loại"]),
        .init("summary", ["Trích yếu", "Tên loại và trích yếu nội dung", "Trích yếu nội dung"]),
        .init("deadline", ["Hạn xử lý", "Hạn giải quyết"]),
        .init("pages", ["Số trang", "Số tờ"]),
        .init("classification", ["Độ mật"]),
        .init("urgency", ["Độ khẩn"]),
        .init("note", ["Ghi chú"]),
    ]

    /// The columns of an outgoing register's import: the number as `Số, ký hiệu` (`03-TB/ISSUER`)
    /// or as `Số` with `Tên loại`.
    static let outgoingColumns: [ImportSheet.Column] = [
        .init("symbol", field: "number", ["Số, ký hiệu", "Số ký hiệu", "Số và ký hiệu"]),
        .init("number", field: "number", ["Số"]),
        .init("date", ["Ngày tháng", "Ngày", "Ngày ban hành", "Ngày tháng văn bản"]),
        .init("type", ["Tên loại", "Loại văn bản", "Loại"]),
        .init("summary", ["Trích yếu", "Tên loại và trích yếu nội dung", "Trích yếu nội dung"]),
        .init("signer", ["Người ký"]),
        .init("recipients", ["Nơi nhận", "Nơi nhận văn bản"]),
        .init("keptBy", ["Đơn vị, người nhận bản lưu", "Nơi lưu", "Đơn vị lưu"]),
        .init("copies", ["Số lượng bản", "Số bản"]),
        .init("pages", ["Số trang", "Số tờ"]),
        .init("classification", ["Độ mật"]),
        .init("urgency", ["Độ khẩn"]),
        .init("note", ["Ghi chú"]),
    ]

    /// Imports a register kept before Docket (admin, clerk) from a spreadsheet, as `ImportSheet`
    /// reads it: every line becomes a back-entered entry with its own number and date, in the
    /// series of that date. Numbers must continue each series without a gap or a repeat (or fill
    /// the numbers below a series start); any wrong row refuses the whole file, naming every wrong
    /// row. Incoming documents come in as processed on paper; one still being processed is
    /// registered on its own (`incoming register --back-entered`) so its processing goes on here.
    public func importRegister(file data: Data, register code: String, as actor: User) async throws -> RegisterImportResult {
        try actor.require(.manageRecords)
        let register = try await storage.read { try Self.register(code, kind: nil, in: $0) }
        let kind = register.kind
        let sheet: ImportSheet
        switch kind {
        case .incoming:
            sheet = try ImportSheet(data, columns: Self.incomingColumns, required: ["number", "arrived", "sender", "senderSymbol", "summary"])
        case .outgoing:
            sheet = try ImportSheet(data, columns: Self.outgoingColumns, required: ["date", "summary"])
        }
        let zone = configuration.timeZone
        var seen: [String: Int] = [:]
        // Each row checked on its own first, then entered in number order so each series runs up.
        let drafts = try sheet.eachRow { row -> (row: CSV.Record, entry: RegisterEntry, backEntry: BackEntry) in
            func value(_ column: String) -> String? { sheet.value(column, in: row) }
            func count(_ column: String, field: String) throws -> Int? {
                try value(column).map { text in
                    guard let number = Int(text), number >= 1 else { throw DocketError.invalid(field, "'\(text)' is not a number of 1 or more") }
                    return number
                }
            }
            let (draft, backEntry): (RegisterEntry, BackEntry?)
            switch kind {
            case .incoming:
                (draft, backEntry) = try incomingDraft(
                    try NewIncoming(
                        register: code, sender: value("sender") ?? "", senderSymbol: value("senderSymbol") ?? "",
                        senderDate: value("senderDate"), type: value("type"), summary: value("summary") ?? "",
                        classification: value("classification"), urgency: value("urgency"), pages: try count("pages", field: "pages"),
                        arrivedAt: value("arrived"), deadline: value("deadline"), note: value("note"), backEntered: true,
                        number: try count("number", field: "number"), zone: zone),
                    as: actor)
            case .outgoing:
                let (number, type) = try Self.outgoingNumber(
                    symbol: value("symbol"), number: try count("number", field: "number"), type: value("type"), issuer: register.issuer)
                (draft, backEntry) = try outgoingDraft(
                    try NewOutgoing(
                        register: code, type: type, summary: value("summary") ?? "", date: value("date"), signer: value("signer"),
                        recipients: value("recipients").map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
                        keptBy: value("keptBy"), copies: try count("copies", field: "copies"), classification: value("classification"),
                        urgency: value("urgency"), pages: try count("pages", field: "pages"), answers: nil, note: value("note"),
                        backEntered: true, number: number),
                    as: actor)
            }
            guard let backEntry, let number = backEntry.number else { throw DocketError.invalid("number", "the row has no number") }
            let series = register.series(type: draft.type, classification: draft.classification, year: backEntry.date.year)
            if let line = seen.updateValue(row.line, forKey: "\(series) \(number)") {
                throw DocketError.invalid("number", "number \(number) of series \(series) is also on line \(line)")
            }
            return (row, draft, backEntry)
        }.sorted { ($0.backEntry.number ?? 0) < ($1.backEntry.number ?? 0) }
        guard !drafts.isEmpty else { throw DocketError.invalid("file", "the file has a header but no rows to import") }
        return try await storage.write { writer in
            let entered = try sheet.each(drafts, row: \.row) { draft in
                switch kind {
                case .incoming:
                    var entry = try enterIncoming(
                        draft.entry, in: register, document: nil, text: nil, backEntered: draft.backEntry, as: actor, in: writer)
                    entry.state = .done
                    try writer.update(entry)
                    try writer.append(
                        ProcessingStep(
                            entryID: entry.id, sequence: 2, kind: .done, actorID: actor.id, at: entry.registeredAt,
                            text: "Xử lý trên giấy trước khi dùng Docket"))
                    return entry
                case .outgoing:
                    return try enterOutgoing(
                        draft.entry, in: register, document: nil, text: nil, backEntered: draft.backEntry, as: actor, in: writer)
                }
            }
            let bySeries = Dictionary(grouping: entered, by: \.series).sorted { $0.key < $1.key }.map { series, entries in
                let numbers = entries.map(\.number)
                return RegisterImportResult.Series(
                    series: series, first: numbers.min() ?? 0, last: numbers.max() ?? 0, count: numbers.count)
            }
            let result = RegisterImportResult(
                register: register.code, imported: entered.count, series: bySeries,
                likelyDuplicates: entered.filter { $0.duplicateOf != nil }.count)
            try audit.record(
                writer, actor: actor.id, action: .registerImport, subject: register.id,
                details: [
                    "imported": String(result.imported),
                    "series": bySeries.map { "\($0.series) \($0.first)–\($0.last)" }.joined(separator: "; "),
                ])
            return result
        }
    }

    /// An outgoing row's number and type: from its symbol `NN-TYPE/ISSUER` (of this register's
    /// `issuer`), or from the number and type columns; when both are given they agree.
    static func outgoingNumber(symbol: String?, number: Int?, type: String?, issuer: String) throws -> (Int?, String) {
        guard let symbol else {
            guard let number else { throw DocketError.invalid("number", "give the number (Số) or the number and symbol (Số, ký hiệu)") }
            guard let type else { throw DocketError.invalid("type", "give the document type (Tên loại), e.g. TB, or the symbol") }
            return (number, type)
        }
        let parts = symbol.split(separator: "/", maxSplits: 1)
        let head = parts.first.map { $0.split(separator: "-", maxSplits: 1) } ?? []
        guard parts.count == 2, head.count == 2, let parsed = Int(head[0]), parsed >= 1 else {
            throw DocketError.invalid("number", "'\(symbol)' is not a number and symbol like 03-TB/\(issuer)")
        }
        guard CanonicalName.key(String(parts[1])) == CanonicalName.key(issuer) else {
            throw DocketError.invalid("number", "\(symbol) is numbered by \(parts[1]), not by this register's issuer \(issuer)")
        }
        if let number, number != parsed {
            throw DocketError.invalid("number", "the number \(number) and the symbol \(symbol) disagree")
        }
        let shown = String(head[1])
        if let type, CanonicalName.key(type) != CanonicalName.key(shown) {
            throw DocketError.invalid("type", "the type \(type) and the symbol \(symbol) disagree")
        }
        return (parsed, shown)
    }
}
