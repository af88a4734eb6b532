import Foundation

/// RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes ("") and line
/// breaks. Records end at LF, CRLF or a bare CR (as old Mac spreadsheets write). A UTF-8 byte
/// order mark (as spreadsheet programs write) is skipped.
public enum CSV {
    /// One record and the line of the file it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Parses UTF-8 `data` into records; blank lines are skipped.
    public static func parse(_ data: Data) throws -> [Record] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw DocketError.invalid("file", "the file is not UTF-8 text; save it as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
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
            case ",":
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

    /// A field for writing: quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
