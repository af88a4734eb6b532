import DocketCore
import GRDB

extension Row {
    /// A text column as one of an enumeration's cases; a value no case has is an internal error
    /// naming the column, not a crash.
    func value<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
        let text: String = try decode(forColumn: column)
        guard let value = T(rawValue: text) else { throw DocketError(.internalError, "\(column) holds '\(text)', not a \(T.self)") }
        return value
    }
}
