import Foundation

/// One column's value as a database stores it, for copying a store from one backend to another.
public enum StoredValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}
