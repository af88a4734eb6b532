import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// Dates and times as clerks type them: `31/03/2025`, `10/03/2025 08:00`, times in the office's zone.
@Suite struct TypedDateTests {
    static let office = TimeZone(secondsFromGMT: 7 * 3600)!

    @Test(arguments: [
        ("2025-03-31", "2025-03-31"), ("31/03/2025", "2025-03-31"), ("1/4/2025", "2025-04-01"), ("31.03.2025", "2025-03-31"),
        ("31-03-2025", "2025-03-31"), ("29/02/2024", "2024-02-29"), (" 30/06/2025 ", "2025-06-30"),
    ])
    func aDateIsReadAsPeopleWriteIt(text: String, expected: String) throws {
        #expect(try CalendarDate.parse(text, field: "deadline").description == expected)
    }

    @Test(arguments: ["31/04/2025", "29/02/2025", "2025/03/31", "31/03/25", "03/31/2025", "31/3/2025/1", "31//2025", "", "hôm nay"])
    func aDateThatDoesNotExistIsRefusedNamingTheField(text: String) {
        let error = thrownError { try CalendarDate.parse(text, field: "deadline") }
        #expect(error?.code == .invalidInput && error?.field == "deadline" && error?.message.contains("30/06/2025") == true)
    }

    @Test(arguments: [
        ("2025-03-10T08:00", "2025-03-10T01:00:00.000Z"), ("2025-03-10 08:00:30", "2025-03-10T01:00:30.000Z"),
        ("10/03/2025 08:00", "2025-03-10T01:00:00.000Z"), ("08:00 ngày 10/03/2025", "2025-03-10T01:00:00.000Z"),
        ("10/03/2025", "2025-03-09T17:00:00.000Z"), ("2025-03-10", "2025-03-09T17:00:00.000Z"),
        ("10/03/2025 08:00Z", "2025-03-10T08:00:00.000Z"), ("2025-03-10T08:00+09:00", "2025-03-09T23:00:00.000Z"),
    ])
    func aTimeWithoutAZoneIsInTheOfficesZone(text: String, expected: String) throws {
        #expect(Timestamp.string(try Timestamp.parse(text, field: "startsAt", zone: Self.office)) == expected)
    }

    @Test(arguments: ["31/02/2025 08:00", "10/03/2025 25:00", "10/03/2025 8h", "08:00 ngày 32/03/2025", "2025-03-10T08:00 mai", ""])
    func aTimeThatCannotBeReadIsRefusedNamingTheField(text: String) {
        let error = thrownError { try Timestamp.parse(text, field: "startsAt", zone: Self.office) }
        #expect(error?.code == .invalidInput && error?.field == "startsAt" && error?.message.contains("10/03/2025 08:00") == true)
    }
}
