import DocketCore
import Foundation

/// A register's year laid out as the paper book (Decree 30/2020, appendix IV; Hướng dẫn
/// 36-HD/VPTW): its columns in the book's order, dates dd/mm/yyyy in the office's time zone.
public struct RegisterSheet: Sendable, Codable {
    /// One line of the book.
    public struct Line: Sendable, Codable {
        public var entry: RegisterEntry
        /// The reader is not cleared for it: only its number and date are printed.
        public var withheld: Bool
        var registeredOn: String
        var documentOn: String
        /// The day it was entered in Docket: for a back-entered line, later than its own dates.
        var enteredOn: String
        var handedTo: String?
        var handedOn: String?
        /// The symbol of the outgoing document that answered it.
        var answer: String?

        init(entry: RegisterEntry, withheld: Bool, timeZone: TimeZone) {
            self.withheld = withheld
            self.entry = entry
            documentOn = entry.documentDate.map(LocalTime.day) ?? ""
            // A back-entered outgoing document went out on its own date, not the day it was typed in.
            registeredOn =
                entry.backEntered && entry.arrivedAt == nil
                ? documentOn : LocalTime.day(entry.arrivedAt ?? entry.registeredAt, in: timeZone)
            enteredOn = LocalTime.day(entry.registeredAt, in: timeZone)
            if withheld {
                self.entry = RegisterEntry(
                    id: entry.id, registerID: entry.registerID, kind: entry.kind, series: entry.series, number: entry.number,
                    year: entry.year, symbol: entry.symbol, type: "", summary: "", classification: entry.classification,
                    registeredBy: entry.registeredBy, registeredAt: entry.registeredAt, backEntered: entry.backEntered)
            }
        }
    }

    public var register: Register
    public var year: Int
    public var lines: [Line]

    /// The book's columns for the register's kind.
    public var columns: [String] {
        switch register.kind {
        case .incoming:
            ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
             "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"]
        case .outgoing:
            ["Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung", "Người ký", "Nơi nhận văn bản",
             "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"]
        }
    }

    /// Each line's cells, in the order of `columns`.
    public var rows: [[String]] {
        lines.map { line in
            let entry = line.entry
            let summary = line.withheld ? "(mật — không hiển thị)" : [entry.type, entry.summary].filter { !$0.isEmpty }.joined(separator: ": ")
            switch register.kind {
            case .incoming:
                return [
                    line.registeredOn, String(entry.number), entry.sender ?? "", entry.senderSymbol ?? "", line.documentOn, summary,
                    line.handedTo ?? "", line.handedOn ?? "", "", note(line),
                ]
            case .outgoing:
                return [
                    entry.symbol, line.documentOn, summary, entry.signer ?? "", entry.recipients.joined(separator: "; "),
                    entry.keptBy ?? "", entry.copies.map(String.init) ?? "", line.registeredOn, "", note(line),
                ]
            }
        }
    }

    /// The note column: marks, withdrawal, likely duplicates, the answering document.
    private func note(_ line: Line) -> String {
        let entry = line.entry
        var parts: [String] = []
        if entry.backEntered { parts.append("Vào sổ sau từ sổ giấy, ngày \(line.enteredOn)") }
        if entry.classification >= .confidential { parts.append(Self.mark(entry.classification)) }
        if !entry.urgency.mark.isEmpty { parts.append(entry.urgency.mark) }
        if let reason = entry.withdrawReason { parts.append("Đã thu hồi: \(reason)") }
        if entry.duplicateOf != nil { parts.append("Có thể trùng một văn bản đã đăng ký") }
        if let answer = line.answer { parts.append("Đã trả lời bằng \(answer)") }
        if let note = entry.note, !line.withheld { parts.append(note) }
        return parts.joined(separator: "; ")
    }

    static func mark(_ classification: Classification) -> String {
        switch classification {
        case .public, .internal: ""
        case .confidential: "Mật"
        case .secret: "Tối mật"
        case .topSecret: "Tuyệt mật"
        }
    }

    var title: String {
        (register.name) + " — năm \(year)"
    }

    /// The book as a file in `format`: both front ends print registers through here.
    public func file(_ format: SheetFormat) async throws -> Data {
        guard format == .xlsx else { return Data(try rendered(format).utf8) }
        return try await Workbook.make(sheet: "Sổ năm \(year)", rows: [columns] + rows)
    }

    /// The book as text in `format` (csv, md or html; json is the sheet itself; an .xlsx is a file).
    public func rendered(_ format: SheetFormat) throws -> String {
        switch format {
        case .json:
            return String(decoding: try DocketJSON.pretty.encode(self), as: UTF8.self) + "\n"
        case .csv:
            return ([columns] + rows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            let escape = { (cell: String) in cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            var out = "## \(escape(title))\n\n| " + columns.joined(separator: " | ") + " |\n|"
                + String(repeating: " --- |", count: columns.count) + "\n"
            for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            return out
        case .html:
            var body = "<h1>\(HTML.escape(title))</h1>\n<table>\n<tr>"
                + columns.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
            for row in rows { body += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n" }
            return HTML.page(title: title, body: body + "</table>")
        case .xlsx:
            throw DocketError.invalid("format", "an .xlsx register is a file, not text; write it to a file")
        }
    }
}

/// How a register is printed.
public enum SheetFormat: String, Sendable, CaseIterable, NamedValue {
    case csv, md, html, json, xlsx
    public static let kind = "format"

    /// The media type HTTP answers with.
    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        case .xlsx: Workbook.mediaType
        }
    }
}
