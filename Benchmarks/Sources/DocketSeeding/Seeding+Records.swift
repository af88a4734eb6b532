import DocketCore
import DocketSQLite
import DocketServices
import Foundation

extension Seeding {
    /// Words Vietnamese summaries are made of, diacritics and đ included.
    static let words = """
        về việc chuyển đổi số trong các cơ quan Đảng báo cáo kết quả thực hiện nghị quyết chỉ thị kế hoạch \
        triển khai công tác cán bộ đảng viên tổ chức kiểm tra giám sát năm 2025 quý tháng tổng kết sơ kết \
        phát triển kinh tế xã hội đường bộ giao thông nông thôn mới cải cách hành chính dân vận tuyên giáo \
        nội chính phòng chống tham nhũng lãng phí tiêu cực hướng dẫn quy định quyết định thông báo giấy mời \
        hội nghị ban chấp hành thường vụ tỉnh ủy huyện ủy xã phường đoàn thể mặt trận tổ quốc thanh niên \
        phụ nữ cựu chiến binh nông dân công đoàn an ninh quốc phòng biên giới đương nhiệm dương lịch đề án \
        chương trình dự toán ngân sách đầu tư công xây dựng trụ sở nâng cấp hạ tầng dữ liệu số hóa lưu trữ
        """.split(separator: " ").map(String.init)

    static let senders = [
        "Tỉnh ủy Hà Giang", "Ban Tổ chức Trung ương", "Văn phòng Trung ương Đảng", "Huyện ủy Đồng Văn", "Sở Nội vụ",
        "Ủy ban nhân dân tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Đảng ủy Khối cơ quan", "Sở Tài chính",
    ]

    /// Fills register `DEN` with `count` incoming entries of 8 to 15 seeded Vietnamese words each,
    /// indexed for search, straight into storage in batches of 10,000 (no audit events).
    public static func incomingEntries(_ count: Int, seed: UInt64 = 30, in docket: Docket, as admin: User) async throws {
        let register = try await docket.records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: admin)
        let storage = try SQLiteStorage(path: docket.directory.database.path)
        var random = SplitMix(state: seed)
        let start = docket.configuration.time.now().addingTimeInterval(-365 * 86_400)
        let year = CalendarDate(start, in: docket.configuration.timeZone).year
        var number = 0
        while number < count {
            var batch: [(RegisterEntry, String)] = []
            for _ in 0..<min(10_000, count - number) {
                number += 1
                let summary = (0..<(8 + random.below(8))).map { _ in words[random.below(words.count)] }.joined(separator: " ")
                let sender = senders[random.below(senders.count)]
                let entry = RegisterEntry(
                    id: "ent-bench-\(number)", registerID: register.id, kind: .incoming, series: String(year), number: number,
                    year: year, symbol: String(number), type: "CV", summary: summary, registeredBy: admin.id,
                    registeredAt: start.addingTimeInterval(Double(number)), sender: sender, senderSymbol: "\(number)-CV/TU",
                    arrivedAt: start.addingTimeInterval(Double(number)), state: .registered)
                batch.append((entry, [summary, sender, entry.senderSymbol ?? ""].joined(separator: "\n")))
            }
            let rows = batch
            try await storage.write { writer in
                for (entry, text) in rows {
                    try writer.insert(entry)
                    try writer.index(entryID: entry.id, text: text)
                }
            }
        }
    }
}
