import DocketCore
import Foundation

/// A record's stored properties as columns, through its `Encodable` conformance: the names are its
/// coding keys (PostgreSQL folds them to lower case), nested values go in as JSON the way GRDB
/// writes them on SQLite, so a store copied between the two reads back the same.
struct RowEncoder {
    static func columns(of value: some Encodable) throws -> [(name: String, value: SQLValue)] {
        let encoder = ColumnEncoder()
        try value.encode(to: encoder)
        return encoder.box.columns
    }

    /// GRDB's JSON for nested values: sorted keys, dates as milliseconds, data as base64.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dataEncodingStrategy = .base64
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One value as a column holds it.
    static func value(_ value: some Encodable) throws -> SQLValue {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .int(number)
        case let number as Int64: return .int(Int(number))
        case let flag as Bool: return .bool(flag)
        case let number as Double: return .double(number)
        case let date as Date: return .date(date)
        case let data as Data: return .bytes(data)
        case let day as CalendarDate: return .text(day.description)
        case let raw as any RawRepresentable<String>: return .text(raw.rawValue)
        case let raw as any RawRepresentable<Int>: return .int(raw.rawValue)
        default: return .json(try json(value))
        }
    }

    private final class Box { var columns: [(name: String, value: SQLValue)] = [] }

    private struct ColumnEncoder: Encoder {
        let box = Box()
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Columns<Key>(box: box))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("a record encodes as keyed columns")
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            preconditionFailure("a record encodes as keyed columns")
        }
    }

    private struct Columns<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { box.columns.append((key.stringValue, .null)) }

        mutating func encode(_ value: Bool, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Float, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { box.columns.append((key.stringValue, try RowEncoder.value(value))) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }
        // Absent values are written as NULL, so saving a record over its row clears what it no longer holds.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            box.columns.append((key.stringValue, try value.map { try RowEncoder.value($0) } ?? .null))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.columns.append((key.stringValue, try RowEncoder.value(value)))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        { preconditionFailure("records have no nested containers") }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("records have no nested containers")
        }

        mutating func superEncoder() -> any Encoder { preconditionFailure("records have no super encoder") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("records have no super encoder") }
    }
}
