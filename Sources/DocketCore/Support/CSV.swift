import Foundation

/// RFC 4180 CSV as spreadsheet programs write it: fields separated by `,`, `;` (Excel under
/// Vietnamese regional settings) or tab (Excel's "Unicode text"), whichever the first line uses
/// most; fields in double quotes may hold separators, quotes ("") and line breaks. Records end at
/// LF, CRLF or a bare CR (old Mac spreadsheets). UTF-8 with or without a byte order mark, and
/// UTF-16 with one.
public enum CSV {
    /// One record and the line of the file it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// Parses `data` into records; blank lines are skipped.
    public static func parse(_ data: Data) throws -> [Record] {
        let text = try decode(data)
        let separator = separator(in: text)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" {
                        let next = scalars.next()
                        if next != "\n" { line += 1 }
                        pending = next
                    }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            case separator:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                recordLine = line
                afterQuote = false
            default:
                if afterQuote {
                    throw DocketError.invalid("line \(line)", "line \(line): text after a closing quote; write a quote inside a quoted field as \"\"")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw DocketError.invalid("line \(recordLine)", "line \(recordLine): a quoted field is never closed") }
        endRecord()
        return records
    }

    /// The text of `data`: UTF-16 when it starts with that byte order mark, else UTF-8.
    static func decode(_ data: Data) throws -> String {
        let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        guard var text = String(data: data, encoding: utf16 ? .utf16 : .utf8) else {
            throw DocketError.invalid("file", "the file is not UTF-8 or UTF-16 text; save it as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The separator the first line uses most, outside quotes: `,` unless `;` or tab is more frequent.
    static func separator(in text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, let count = counts[scalar] { counts[scalar] = count + 1 }
        }
        return [";", "\t"].filter { counts[$0, default: 0] > counts[",", default: 0] }
            .max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
    }

    /// A field for writing: quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
