import DocketCore
import Foundation
import GRDB
import Testing

@testable import DocketSQLite

/// The hand-written encodings of the rows every registration writes store exactly what GRDB's
/// own Codable and DateFormatter paths stored before them.
@Suite struct StoredEncodingTests {
    @Test func datesAreWrittenAsGRDBsFormatterWritesThem() {
        var generator = SystemRandomNumberGenerator()
        // Whole seconds, millisecond edges and the float noise around them, then random instants to 2100.
        var dates = [0.0, 0.0005, 0.999, 0.9995, 59.9999999, 951_782_400.123, 1_709_251_199.999_999, 4_102_444_799.5]
            .map(Date.init(timeIntervalSince1970:))
        dates += (0..<20_000).map { _ in
            Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator))
        }
        dates += (0..<2_000).map { _ in
            Date(timeIntervalSince1970: Double(Int.random(in: 0..<4_102_444_800, using: &generator)) + Double(Int.random(in: 0..<1000, using: &generator)) / 1000)
        }
        let different = dates.filter { StoredDate.text($0) != String.fromDatabaseValue($0.databaseValue) }
        let examples = different.prefix(3).map {
            "\($0.timeIntervalSince1970): \(StoredDate.text($0)) against \(String.fromDatabaseValue($0.databaseValue) ?? "")"
        }
        #expect(different.count == 0, "\(examples)")
    }

    @Test func anEntryEncodedByHandIsTheRowCodableWrote() throws {
        let entry = RegisterEntry(
            id: "ent-1", registerID: "reg-1", kind: .incoming, series: "2026", number: 7, year: 2026, symbol: "7",
            type: "CV", summary: "Về việc \"chuyển đổi số\"\n/ngân sách", documentDate: CalendarDate("2026-03-09"),
            classification: .confidential, urgency: .urgent, pages: 3, note: nil, registeredBy: "usr-1",
            registeredAt: Date(timeIntervalSince1970: 1_773_000_000.25), sender: "Tỉnh ủy Hà Giang", senderSymbol: "12-CV/TU",
            arrivedAt: Date(timeIntervalSince1970: 1_773_000_000.5), deadline: CalendarDate("2026-04-01"),
            state: .registered, coordinatingIDs: ["usr-2", "usr/3"])
        let byHand = try entry.databaseDictionary
        let byCodable = try CodableEntry(entry).databaseDictionary
        #expect(Set(byHand.keys).subtracting(["senderKey"]) == Set(byCodable.keys))
        for (column, value) in byCodable {
            #expect(byHand[column] == value || jsonEqual(byHand[column], value), "\(column): \(String(describing: byHand[column])) vs \(value)")
        }
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.create(table: "registerEntry") { table in
                for column in byHand.keys { table.column(column) }
            }
        }
        let read = try queue.write { db in
            try entry.insert(db)
            return try RegisterEntry.fetchOne(db, sql: "SELECT * FROM registerEntry")
        }
        #expect(read == entry)
    }

    /// JSON arrays are equal as JSON: Foundation escapes `/`, the hand-written encoding need not.
    private func jsonEqual(_ a: DatabaseValue?, _ b: DatabaseValue) -> Bool {
        guard let a = a.flatMap(String.fromDatabaseValue), let b = String.fromDatabaseValue(b),
            let left = try? JSONSerialization.jsonObject(with: Data(a.utf8)) as? NSArray,
            let right = try? JSONSerialization.jsonObject(with: Data(b.utf8)) as? NSArray
        else { return false }
        return left == right
    }
}

/// The entry through GRDB's Codable encoding, as it was stored before.
private struct CodableEntry: Encodable, EncodableRecord {
    let entry: RegisterEntry
    init(_ entry: RegisterEntry) { self.entry = entry }
    func encode(to encoder: any Encoder) throws { try entry.encode(to: encoder) }
    static let databaseTableName = "registerEntry"
}
