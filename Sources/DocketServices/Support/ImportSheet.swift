import DocketCore
import Foundation

/// A spreadsheet as clerks have it, read for an import: CSV as `CSV` reads it (`,` `;` or tab,
/// UTF-8 or UTF-16), or the first sheet of an .xlsx workbook. Its first line names the columns in
/// English or Vietnamese, matched with or without accents in any case; errors name the line (the
/// sheet's row) and the header as the file writes it.
struct ImportSheet {
    /// A column an import reads: its English name, the field of the value it fills (errors about
    /// that field name this column), and the Vietnamese headers that name it too.
    struct Column {
        let name: String
        let field: String
        let headers: [String]

        init(_ name: String, field: String? = nil, _ headers: [String]) {
            self.name = name
            self.field = field ?? name
            self.headers = headers
        }
    }

    let columns: [Column]
    /// The rows below the header.
    let rows: [CSV.Record]
    private let width: Int
    private let positions: [String: Int]
    private let written: [String: String]

    init(_ data: Data, columns: [Column], required: [String]) throws {
        self.columns = columns
        let records = try Workbook.isWorkbook(data) ? Workbook.rows(data) : CSV.parse(data)
        let known = columns.map { "\($0.name) (\($0.headers[0]))" }.joined(separator: ", ")
        guard let header = records.first else {
            throw DocketError.invalid("file", "the file is empty; its first line names the columns: \(known)")
        }
        var positions: [String: Int] = [:]
        var written: [String: String] = [:]
        for (position, text) in header.fields.enumerated() {
            let text = text.trimmingCharacters(in: .whitespaces)
            guard let column = Self.column(named: text, in: columns) else {
                throw DocketError.invalid("line 1", "line 1: unknown column '\(text)'; the columns are \(known)")
            }
            guard positions.updateValue(position, forKey: column.name) == nil else {
                throw DocketError.invalid("line 1", "line 1: the column '\(text)' appears twice")
            }
            written[column.name] = text
        }
        if let missing = required.first(where: { positions[$0] == nil }) {
            throw DocketError.invalid("line 1", "line 1: the column '\(missing)' is missing; \(required.joined(separator: ", ")) are required")
        }
        (self.positions, self.written, width) = (positions, written, header.fields.count)
        rows = Array(records.dropFirst())
    }

    /// The column a header names, in English or Vietnamese.
    static func column(named header: String, in columns: [Column]) -> Column? {
        func fold(_ text: String) -> String {
            CanonicalName.key(text).folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "đ", with: "d")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let wanted = fold(header)
        return columns.first { ([$0.name] + $0.headers).contains { fold($0) == wanted } }
    }

    /// The trimmed value of `column` in `row`; nil when the file has no such column or it is empty.
    func value(_ column: String, in row: CSV.Record) -> String? {
        guard let index = positions[column], index < row.fields.count else { return nil }
        return row.fields[index].trimmingCharacters(in: .whitespaces).nilIfEmpty
    }

    /// Where an error about `field` in `row` is: `line N, Header`.
    func place(of field: String, in row: CSV.Record) -> String {
        let column = columns.first { $0.field == field }?.name ?? field
        return "line \(row.line), \(written[column] ?? column)"
    }

    /// `body` over every row; when any row is wrong, one error naming each wrong row (the first
    /// twenty) and that nothing was imported, with the first one's code. An error a row throws is
    /// placed by its field.
    func eachRow<T>(_ body: (CSV.Record) throws -> T) throws -> [T] {
        try each(rows, row: { $0 }, body)
    }

    /// `eachRow` over what was made of the rows, each with the row it came from.
    func each<Item, T>(_ items: [Item], row: (Item) -> CSV.Record, _ body: (Item) throws -> T) throws -> [T] {
        var results: [T] = []
        var problems: [DocketError] = []
        for item in items {
            let row = row(item)
            do {
                guard row.fields.count <= width else {
                    throw DocketError.invalid("line \(row.line)", "has \(row.fields.count) fields but the header names \(width)")
                }
                results.append(try body(item))
            } catch let error as DocketError {
                let field = error.field.map { $0.hasPrefix("line ") ? $0 : place(of: $0, in: row) } ?? "line \(row.line)"
                problems.append(DocketError(error.code, "\(field): \(error.message)", field: field))
            }
        }
        guard problems.isEmpty else {
            let shown = problems.prefix(20).map(\.message).joined(separator: "; ")
            let more = problems.count > 20 ? "; and \(problems.count - 20) more" : ""
            throw DocketError(
                problems[0].code, "\(problems.count) of \(items.count) rows are wrong and nothing was imported: \(shown)\(more)",
                field: problems[0].field ?? "file")
        }
        return results
    }
}
