import DocketCore
import DocketPack
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The first worksheet of an Office Open XML workbook (.xlsx), as the rows an import reads from
/// CSV: shared and inline strings as written, numbers as stored, and cells a date format shows
/// as dates as `YYYY-MM-DD`. Rows keep the sheet's row numbers, so errors name them.
enum Workbook {
    /// Whether `data` is a ZIP archive, as every .xlsx is.
    static func isWorkbook(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    static func rows(_ data: Data) throws -> [CSV.Record] {
        do {
            let archive = try ZipArchive(data)
            guard let workbook = try archive.member("xl/workbook.xml") else {
                throw DocketError.invalid("file", "the file is a ZIP archive but not an .xlsx workbook (no xl/workbook.xml)")
            }
            let book = try XMLElements(workbook, part: "xl/workbook.xml")
            let sheetRelation = book.first("sheet")?["r:id"]
            let base1904 = book.first("workbookPr")?["date1904"].map { $0 == "1" || $0 == "true" } ?? false
            let relations = try archive.member("xl/_rels/workbook.xml.rels").map { try XMLElements($0, part: "xl/_rels/workbook.xml.rels") }
            let target = relations?.all("Relationship").first { $0["Id"] == sheetRelation }?["Target"] ?? "worksheets/sheet1.xml"
            let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let sheet = try archive.member(sheetPath) else {
                throw DocketError.invalid("file", "the workbook's first sheet (\(sheetPath)) is missing")
            }
            let strings = try archive.member("xl/sharedStrings.xml").map(sharedStrings) ?? []
            let dateStyles = try archive.member("xl/styles.xml").map(dateStyleIndexes) ?? []
            return try cells(sheet, strings: strings, dateStyles: dateStyles, base1904: base1904)
        } catch let error as ZipError {
            throw DocketError.invalid("file", "the .xlsx file cannot be read: \(error.description)")
        }
    }

    /// Each `<si>`'s text: its `<t>`, or its rich-text runs' `<t>` joined (phonetic runs left out).
    private static func sharedStrings(_ xml: Data) throws -> [String] {
        var strings: [String] = []
        try XMLElements.walk(xml, part: "xl/sharedStrings.xml") { event in
            switch event {
            case .start("si", _): strings.append("")
            case .text(let text, let path) where path.last == "t" && !path.contains("rPh") && !strings.isEmpty:
                strings[strings.count - 1] += text
            default: break
            }
        }
        return strings
    }

    /// The indexes of the cell formats (`cellXfs`) whose number format shows a date.
    private static func dateStyleIndexes(_ xml: Data) throws -> Set<Int> {
        let styles = try XMLElements(xml, part: "xl/styles.xml")
        var custom: [Int: String] = [:]
        for format in styles.all("numFmt") {
            if let id = format["numFmtId"].flatMap(Int.init) { custom[id] = format["formatCode"] ?? "" }
        }
        var indexes = Set<Int>()
        for (index, format) in styles.all("xf", under: "cellXfs").enumerated() {
            guard let id = format["numFmtId"].flatMap(Int.init) else { continue }
            if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
                || custom[id].map(isDateFormat) == true
            {
                indexes.insert(index)
            }
        }
        return indexes
    }

    /// A custom format shows a date when, outside quoted text and brackets, it has a day or a year.
    private static func isDateFormat(_ code: String) -> Bool {
        var plain = ""
        var quoted = false
        var bracketed = false
        for character in code {
            switch character {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            default: if !quoted && !bracketed { plain.append(character) }
            }
        }
        return plain.lowercased().contains { $0 == "d" || $0 == "y" }
    }

    private static func cells(_ xml: Data, strings: [String], dateStyles: Set<Int>, base1904: Bool) throws -> [CSV.Record] {
        var rows: [CSV.Record] = []
        var row: (number: Int, fields: [String])?
        var cell: (column: Int, type: String, style: Int, text: String)?
        var problem: DocketError?
        func finishRow() {
            if let row, row.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(CSV.Record(line: row.number, fields: row.fields))
            }
        }
        try XMLElements.walk(xml, part: "the first sheet") { event in
            switch event {
            case .start("row", let attributes):
                finishRow()
                row = (Int(attributes["r"] ?? "") ?? (rows.last?.line ?? 0) + 1, [])
            case .start("c", let attributes):
                let column = attributes["r"].flatMap(columnIndex) ?? (row?.fields.count ?? 0)
                cell = (column, attributes["t"] ?? "n", Int(attributes["s"] ?? "") ?? 0, "")
            case .text(let text, let path) where cell != nil && (path.last == "v" || (path.last == "t" && path.contains("is"))):
                cell?.text += text
            case .end("c"):
                guard let done = cell, var current = row else { break }
                var value = done.text
                switch done.type {
                case "s":
                    guard let index = Int(value), strings.indices.contains(index) else {
                        problem = DocketError.invalid("file", "row \(current.number): a cell names shared string \(value), which the workbook lacks")
                        break
                    }
                    value = strings[index]
                case "b": value = value == "1" ? "TRUE" : "FALSE"
                case "n" where dateStyles.contains(done.style):
                    if let serial = Double(value) { value = date(fromSerial: serial, base1904: base1904).description }
                default: break
                }
                while current.fields.count < done.column { current.fields.append("") }
                if current.fields.count == done.column { current.fields.append(value) } else { current.fields[done.column] = value }
                row = current
                cell = nil
            default: break
            }
        }
        finishRow()
        if let problem { throw problem }
        return rows
    }

    /// `A` → 0, `Z` → 25, `AA` → 26, from a reference such as `AB12`; nil past Excel's last
    /// column (XFD) or without letters.
    private static func columnIndex(_ reference: String) -> Int? {
        let letters = reference.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }.uppercased()
        guard (1...3).contains(letters.count) else { return nil }
        let index = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return index < 16_384 ? index : nil
    }

    /// Excel's day numbers: day 1 is 1900-01-01 counting the 1900 leap day that never was, so day
    /// 61 and later count from 1899-12-30; in the 1904 system day 0 is 1904-01-01.
    private static func date(fromSerial serial: Double, base1904: Bool) -> CalendarDate {
        let day = Int(serial.rounded(.down))
        // Day numbers from 1970-01-01: 1904-01-01 is -24,107, 1899-12-31 is -25,568, 1899-12-30 is -25,569.
        if base1904 { return CalendarDate(dayNumber: -24_107 + day) }
        return CalendarDate(dayNumber: (day < 61 ? -25_568 : -25_569) + day)
    }
}

/// A small reading of XML: elements with their attributes, found by name, for the parts of a
/// workbook that are read whole.
struct XMLElements {
    struct Element {
        let name: String
        let path: [String]
        let attributes: [String: String]
        subscript(_ key: String) -> String? { attributes[key] }
    }

    enum Event {
        case start(String, [String: String])
        case text(String, path: [String])
        case end(String)
    }

    private(set) var elements: [Element] = []

    init(_ xml: Data, part: String) throws {
        var elements: [Element] = []
        var path: [String] = []
        try Self.walk(xml, part: part) { event in
            switch event {
            case .start(let name, let attributes):
                elements.append(Element(name: name, path: path, attributes: attributes))
                path.append(name)
            case .end: path.removeLast()
            case .text: break
            }
        }
        self.elements = elements
    }

    func first(_ name: String) -> Element? { elements.first { $0.name == name } }
    func all(_ name: String, under parent: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (parent.map($0.path.contains) ?? true) }
    }

    /// Streams `xml`'s elements and text, element names without their namespace prefix.
    static func walk(_ xml: Data, part: String, _ body: @escaping (Event) -> Void) throws {
        let delegate = Delegate(body)
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        guard parser.parse() else {
            throw DocketError.invalid("file", "the .xlsx file's \(part) is not well-formed XML; save the workbook again")
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let body: (Event) -> Void
        var path: [String] = []

        init(_ body: @escaping (Event) -> Void) { self.body = body }

        static func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            body(.start(Self.local(name), attributes))
            path.append(Self.local(name))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { body(.text(string, path: path)) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            path.removeLast()
            body(.end(Self.local(name)))
        }
    }
}

extension Workbook {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A workbook of one sheet named `name`: `rows` as written, the first one the header. A cell
    /// that is a plain number (`12`, `85.3`; not `06`) is stored as a number, everything else as
    /// text, so a spreadsheet sums the counts and keeps codes and dates as printed.
    static func make(sheet name: String, rows: [[String]]) async throws -> Data {
        let sheetName = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (index, row) in rows.enumerated() {
            sheet += #"<row r="\#(index + 1)">"#
            for cell in row {
                sheet += isPlainNumber(cell) ? "<c><v>\(cell)</v></c>" : #"<c t="inlineStr"><is><t xml:space="preserve">\#(HTML.escape(cell))</t></is></c>"#
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\#(relationships)"><sheets><sheet name="\#(HTML.escape(sheetName.isEmpty ? "Sheet1" : sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let output = Collected()
        let zip = ZipWriter(modified: Date(), timeZone: .gmt) { bytes in output.append(bytes) }
        for (path, xml) in parts { try await zip.add(path, data: Data(xml.utf8)) }
        try await zip.finish()
        return output.data
    }

    private static func isPlainNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return false
        }
        return parts[0] == "0" || !parts[0].hasPrefix("0")
    }

    /// The bytes a `ZipWriter` hands over, gathered.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        func append(_ chunk: UnsafeRawBufferPointer) { lock.withLock { bytes.append(contentsOf: chunk) } }
        var data: Data { lock.withLock { bytes } }
    }
}
