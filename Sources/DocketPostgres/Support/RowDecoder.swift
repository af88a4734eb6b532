import DocketCore
import Foundation
import NIOCore
import PostgresNIO

/// One row of a result, its columns found by name whatever their case (PostgreSQL folds unquoted
/// names to lower case; records' coding keys are camel case).
struct Row {
    let cells: PostgresRandomAccessRow
    let columns: [String: Int]

    func has(_ name: String) -> Bool { columns[name.lowercased()] != nil }

    func cell(_ name: String) throws -> PostgresCell {
        guard let index = columns[name.lowercased()] else {
            throw DocketError(.internalError, "the query returned no column \(name)")
        }
        return cells[index]
    }

    /// The value of the column at `index`, nil when it is NULL.
    func value<T: Decodable>(_ index: Int, as type: T.Type = T.self) throws -> T? {
        try Self.decode(T.self, cells[index])
    }

    /// The value of the column at `index`; NULL is an internal error.
    func required<T: Decodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard let value = try Self.decode(T.self, cells[index]) else {
            throw DocketError(.internalError, "column \(cells[index].columnName) is NULL")
        }
        return value
    }

    func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try Self.decode(T.self, try cell(name))
    }

    /// The whole row as a record, through its `Decodable` conformance.
    func record<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try T(from: RecordDecoder(row: self))
    }

    static let jsonDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    /// A cell as `T`: scalars by their PostgreSQL type, JSON columns through JSONDecoder, other
    /// types (calendar dates, enumerations) from the text or number they encode as.
    static func decode<T: Decodable>(_ type: T.Type, _ cell: PostgresCell) throws -> T? {
        guard cell.bytes != nil else { return nil }
        do {
            switch type {
            case is String.Type: return try cell.decode(String.self) as? T
            case is Int.Type: return try cell.decode(Int.self) as? T
            case is Int64.Type: return try cell.decode(Int64.self) as? T
            case is Bool.Type: return try cell.decode(Bool.self) as? T
            case is Double.Type: return try cell.decode(Double.self) as? T
            case is Date.Type: return try cell.decode(Date.self) as? T
            case is Data.Type: return Data(try cell.decode(ByteBuffer.self).readableBytesView) as? T
            default:
                if cell.dataType == .jsonb || cell.dataType == .json {
                    return try jsonDecoder.decode(T.self, from: Data(try cell.decode(String.self).utf8))
                }
                return try T(from: CellDecoder(cell: cell))
            }
        } catch let error as DocketError {
            throw error
        } catch {
            throw DocketError(.internalError, "column \(cell.columnName) could not be read as \(T.self): \(error)")
        }
    }
}

/// Decodes a record from a row's columns by coding key.
private struct RecordDecoder: Decoder {
    let row: Row
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DocketError(.internalError, "a record decodes from keyed columns")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DocketError(.internalError, "a record decodes from keyed columns")
    }

    struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: Row
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { row.has(key.stringValue) }

        func decodeNil(forKey key: Key) throws -> Bool { try row.cell(key.stringValue).bytes == nil }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = try Row.decode(T.self, try row.cell(key.stringValue)) else {
                throw DocketError(.internalError, "column \(key.stringValue) is NULL")
            }
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        { throw DocketError(.internalError, "records have no nested containers") }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DocketError(.internalError, "records have no nested containers")
        }

        func superDecoder() throws -> any Decoder { throw DocketError(.internalError, "records have no super decoder") }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw DocketError(.internalError, "records have no super decoder") }
    }
}

/// One cell as a single value: what a calendar date or an enumeration decodes itself from.
private struct CellDecoder: Decoder, SingleValueDecodingContainer {
    let cell: PostgresCell
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DocketError(.internalError, "column \(cell.columnName) holds one value")
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DocketError(.internalError, "column \(cell.columnName) holds one value")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { cell.bytes == nil }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try scalar(T.self) }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(Bool.self) }
    func decode(_ type: String.Type) throws -> String { try scalar(String.self) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { Float(try scalar(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 {
        guard let value = Int8(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: Int16.Type) throws -> Int16 {
        guard let value = Int16(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: Int32.Type) throws -> Int32 {
        guard let value = Int32(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt {
        guard let value = UInt(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: UInt8.Type) throws -> UInt8 {
        guard let value = UInt8(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: UInt16.Type) throws -> UInt16 {
        guard let value = UInt16(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: UInt32.Type) throws -> UInt32 {
        guard let value = UInt32(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }
    func decode(_ type: UInt64.Type) throws -> UInt64 {
        guard let value = UInt64(exactly: try scalar(Int.self)) else { throw DocketError(.internalError, "column \(cell.columnName) is out of range") }
        return value
    }

    private func scalar<T: Decodable>(_ type: T.Type) throws -> T {
        guard let value = try Row.decode(T.self, cell) else { throw DocketError(.internalError, "column \(cell.columnName) is NULL") }
        return value
    }
}
