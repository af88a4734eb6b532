import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// Vietnamese full-text search: which entries each query must find, and in which order.
@Suite struct SearchTests {
    /// A one-page PDF whose only text is `line` (ASCII), for `pdftotext` to read back.
    static func pdf(_ line: String) -> Data {
        let stream = "BT /F1 12 Tf 72 720 Td (\(line)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    @Test(arguments: Backend.all) func vietnameseQueriesFindWhatTheyMustAndOnlyWhatTheAskerMaySee(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let records = store.docket.records
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        var ids: [String: String] = [:]
        for (name, summary, classification, file) in [
            ("A", "Về việc chuyển đổi số trong các cơ quan Đảng", Classification.internal, nil),
            ("B", "Báo cáo công tác bảo trì đường bộ", .internal, nil),
            ("C", "Quyết định về cán bộ đương nhiệm", .internal, nil),
            ("D", "Lịch làm việc theo dương lịch", .internal, nil),
            ("E", "Kế hoạch bảo vệ bí mật chuyển đổi số", .secret, nil),
            ("F", "Văn bản kèm theo", .internal, ("nq.html", Data("<html><body><p>Thực hiện Nghị quyết 57 của Bộ Chính trị</p><script>var hidden = 'bí ẩn';</script></body></html>".utf8))),
            ("G", "Tài liệu hội nghị", .internal, ("bc.pdf", Self.pdf("Bao cao tong ket nam 2025"))),
        ] as [(String, String, Classification, (String, Data)?)] {
            let original = try file.map { try RecordService.Original.file(at: store.directory.write($0.1, to: $0.0), title: nil) }
            let entry = try await records.registerIncoming(
                NewIncoming(
                    register: nil, sender: "Tỉnh ủy Hà Giang", senderSymbol: "\(ids.count + 1)-CV/TU", summary: summary,
                    classification: classification),
                original: original, as: store.clerk)
            ids[name] = entry.id
        }
        let nfd = "chuyển đổi số".decomposedStringWithCanonicalMapping
        for (query, found) in [
            ("chuyen doi so", ["A", "E"]),
            ("CHUYỂN ĐỔI SỐ", ["A", "E"]),
            (nfd, ["A", "E"]),
            ("dang", ["A"]),
            ("ĐẢNG", ["A"]),
            ("đường", ["B", "C", "D"]),  // folding merges đường, đương, dương; the exact one comes first
            ("\"cơ quan Đảng\"", ["A"]),
            ("\"Đảng cơ quan\"", []),
            ("nghi quyet 57", ["F"]),
            ("bi an", []),  // script text is not document text
            ("tong ket", ["G"]),
            ("chuyen doi so hanoi", []),
        ] {
            let results = try await records.search(try SearchRequest(text: query), page: .first, as: store.clerk)
            let names = results.hits.items.map { hit in ids.first { $0.value == hit.entry.id }?.key ?? hit.entry.id }
            #expect(Set(names) == Set(found), "\(query): \(names)")
            #expect(results.hits.total == found.count, "\(query)")
        }
        let ranked = try await records.search(try SearchRequest(text: "đường"), page: .first, as: store.clerk)
        #expect(ranked.hits.items.first?.entry.id == ids["B"] && ranked.hits.items.first?.exactMatch == true)
        #expect(ranked.hits.items.dropFirst().allSatisfy { !$0.exactMatch })
        #expect(ranked.hits.items.first?.snippet.contains("«đường»") == true, "\(ranked.hits.items.first?.snippet ?? "")")
        let folded = try await records.search(try SearchRequest(text: "dang"), page: .first, as: store.clerk)
        #expect(folded.hits.items.first?.snippet.contains("«Đảng»") == true)

        // Facets narrow; a delegate who handles nothing finds nothing, not even a count.
        let secret = try await records.search(try SearchRequest(text: "chuyen doi so", classification: "secret", facets: true), page: .first, as: store.clerk)
        #expect(secret.hits.items.map(\.entry.id) == [ids["E"]])
        #expect(secret.facets?["register"] == ["DEN": 1] && secret.facets?["state"] == ["registered": 1])
        #expect(secret.facets?["classification"] == ["secret": 1] && secret.facets?["sender"]?.values.reduce(0, +) == 1)
        let delegate = try await records.search(try SearchRequest(text: "chuyen doi so"), page: .first, as: store.delegate)
        #expect(delegate.hits.total == 0 && delegate.facets == nil)
        // Once directed to the delegate as coordinator, they find that one, and never the secret one.
        let a = try #require(ids["A"])
        _ = try await records.submit(a, to: "chair", as: store.clerk)
        _ = try await records.direct(a, text: "Nghiên cứu", handler: "clerk", coordinating: ["delegate"], as: store.chair)
        let coordinated = try await records.search(try SearchRequest(text: "chuyen doi so"), page: .first, as: store.delegate)
        #expect(coordinated.hits.items.map(\.entry.id) == [a])
        // The unit facet: entries whose lead handler belongs to the agency.
        _ = try await store.docket.agencies.create(code: "VP", name: "Văn phòng", as: store.clerk)
        let byUnit = try await records.search(try SearchRequest(text: "chuyen doi so", unit: "vp"), page: .first, as: store.clerk)
        #expect(byUnit.hits.items.map(\.entry.id) == [a])
        let units = try await records.search(try SearchRequest(text: "chuyen doi so", facets: true), page: .first, as: store.clerk)
        #expect(units.facets?["unit"] == ["VP": 1], "\(units.facets ?? [:])")
        let noUnit = await thrownError { _ = try await records.search(try SearchRequest(text: "x", unit: "KHONG"), page: .first, as: store.clerk) }
        #expect(noUnit?.kind == .init(.notFound, "unit"))
        let blank = await thrownError { _ = try SearchRequest(text: " \"\" ") }
        #expect(blank?.kind == .init(.invalidInput, "q"))
    }
}
