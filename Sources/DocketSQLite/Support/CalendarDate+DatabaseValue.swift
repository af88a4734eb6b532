import DocketCore
import GRDB

// The domain types are plain structs in DocketCore; their database conformance lives here.

/// Dates are stored as `YYYY-MM-DD` text, so they sort and compare in SQL.
extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init)
    }
}
