import DocketCore
import Foundation
import NIOCore
import PostgresNIO

/// A value bound to a query parameter, typed as its column is: instants as `timestamptz`, calendar
/// dates as `YYYY-MM-DD` text, nested values (arrays, headings) as `jsonb`.
enum SQLValue: Sendable, Hashable {
    case null, text(String), int(Int), bool(Bool), double(Double), date(Date), bytes(Data), json(String), textArray([String])

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .text(let text): bindings.append(text)
        case .int(let value): bindings.append(value)
        case .bool(let value): bindings.append(value)
        case .double(let value): bindings.append(value)
        case .date(let date): bindings.append(date)
        case .bytes(let data): bindings.append(ByteBuffer(bytes: data))
        case .json(let text): bindings.append(JSONB(text: text))
        case .textArray(let items): bindings.append(items)
        }
    }
}

/// What a query's parameters may be.
protocol SQLBindable: Sendable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .int(self) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .int(Int(self)) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .bool(self) } }
extension Date: SQLBindable { var sqlValue: SQLValue { .date(self) } }
extension Data: SQLBindable { var sqlValue: SQLValue { .bytes(self) } }
extension CalendarDate: SQLBindable { var sqlValue: SQLValue { .text(description) } }
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }

extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// JSON text sent as `jsonb` (binary format: a version byte, then the text).
struct JSONB: PostgresNonThrowingEncodable {
    let text: String

    static var psqlType: PostgresDataType { .jsonb }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(UInt8(1))
        byteBuffer.writeString(text)
    }
}
