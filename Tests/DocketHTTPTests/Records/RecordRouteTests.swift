import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RecordRouteTests {
    /// One incoming document over HTTP from arrival to the outgoing document that answers it, on a
    /// clock the test sets, with the overdue report as the world was on four dates.
    @Test func anIncomingDocumentIsFollowedToItsAnswerAndTheOverdueReportReadsHistory() async throws {
        let clock = SettableClock(try Timestamp.parse("2026-03-02T09:00+07:00", field: "now"))
        let fixture = try await HTTPFixture(time: clock)
        let original = try await fixture.store.addDocument(Data("%PDF-1.4 công văn 12".utf8), filename: "cv12.pdf")
        let samples = try await fixture.application.test(.router) { client in
            var samples: [(String, Data)] = []
            func send(
                _ method: HTTPRequest.Method, _ uri: String, as role: Role, _ body: String? = nil, expect status: HTTPResponse.Status = .ok,
                schema: String? = nil
            ) async throws -> [String: Any] {
                let (json, data) = try await client.execute(
                    uri: uri, method: method, headers: fixture.headers(role), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri): \(String(buffer: response.body))")
                    return (try response.json(), Data(buffer: response.body))
                }
                if let schema { samples.append((schema, data)) }
                return json
            }
            _ = try await send(.post, "/api/v1/registers", as: .clerk, #"{"code":"DEN","kind":"incoming"}"#, expect: .created, schema: "Register")
            _ = try await send(
                .post, "/api/v1/registers", as: .clerk, #"{"code":"TU","kind":"outgoing","numbering":"party","term":"XIII"}"#,
                expect: .created)
            let start = try await send(
                .post, "/api/v1/registers/TU/series", as: .clerk, #"{"type":"NQ","next":6,"reason":"Nghị quyết 01–05 ban hành trên giấy"}"#,
                expect: .created, schema: "SeriesStart")
            #expect(start["series"] as? String == "XIII/NQ" && start["nextNumber"] as? Int == 6)
            _ = try await send(.post, "/api/v1/registers/TU/series", as: .clerk, #"{"type":"NQ","next":9,"reason":"lần hai"}"#, expect: .conflict)
            // From paper: resolution 03 with its own number and date, then 01–02 and 04–05 from the paper book.
            let paper = try await send(
                .post, "/api/v1/outgoing", as: .clerk,
                #"{"type":"NQ","summary":"Nghị quyết về chuyển đổi số","date":"15/01/2026","backEntered":true,"number":3}"#,
                expect: .created, schema: "RegisterEntry")
            #expect(paper["symbol"] as? String == "03-NQ/TU" && paper["backEntered"] as? Bool == true && paper["documentDate"] as? String == "2026-01-15")
            let imported = try await send(
                .post, "/api/v1/registers/TU/import", as: .clerk,
                "Số, ký hiệu;Ngày tháng;Trích yếu\n01-NQ/TU;02/01/2026;Nghị quyết 01\n02-NQ/TU;09/01/2026;Nghị quyết 02\n"
                    + "04-NQ/TU;20/01/2026;Nghị quyết 04\n05-NQ/TU;28/01/2026;Nghị quyết 05\n",
                schema: "RegisterImportResult")
            #expect(imported["imported"] as? Int == 4)
            _ = try await send(
                .post, "/api/v1/registers/TU/import", as: .clerk, "Số, ký hiệu;Ngày tháng;Trích yếu\n05-NQ/TU;28/01/2026;Lặp\n",
                expect: .conflict)
            let entry = try await send(
                .post, "/api/v1/incoming", as: .clerk,
                #"{"document":"\#(original.id)","sender":"Tỉnh ủy Hà Giang","senderSymbol":"12-CV/TU","senderDate":"2026-02-27","summary":"Về việc chuyển đổi số","pages":3,"deadline":"2026-03-03"}"#,
                expect: .created, schema: "RegisterEntry")
            #expect(entry["number"] as? Int == 1 && entry["type"] as? String == "CV" && entry["state"] as? String == "registered")
            let id = try #require(entry["id"] as? String)
            let incoming = "/api/v1/incoming/\(id)"

            clock.set(try Timestamp.parse("2026-03-05T10:00+07:00", field: "now"))
            _ = try await send(.post, "\(incoming)/submission", as: .clerk, #"{"leader":"chair"}"#)
            let queue = try await send(.get, "/api/v1/me/queue", as: .chair, schema: "RegisterEntryPage")
            #expect((queue["items"] as? [[String: Any]])?.first?["id"] as? String == id)
            let directed = try await send(
                .post, "\(incoming)/direction", as: .chair,
                #"{"text":"Giao Văn phòng chủ trì, Sở TT phối hợp","handler":"clerk","coordinating":["delegate"],"deadline":"2026-03-20"}"#,
                schema: "RegisterEntryDetail")
            #expect((directed["entry"] as? [String: Any])?["state"] as? String == "directed")
            // The delegate coordinates: the entry and its original are theirs to read now.
            _ = try await send(.get, "/api/v1/entries/\(id)", as: .delegate)
            _ = try await send(.get, "/api/v1/documents/\(original.id)", as: .delegate)
            _ = try await send(.post, "\(incoming)/opinions", as: .delegate, #"{"text":"Sở TT đề nghị bổ sung lộ trình"}"#)
            _ = try await send(
                .post, "\(incoming)/done", as: .delegate, #"{"note":"xong"}"#, expect: .forbidden)

            clock.set(try Timestamp.parse("2026-03-25T15:00+07:00", field: "now"))
            let answer = try await send(
                .post, "/api/v1/outgoing", as: .clerk,
                #"{"type":"cv","summary":"Trả lời về chuyển đổi số","signer":"Nguyễn Văn A","recipients":["Tỉnh ủy Hà Giang","Lưu VT"],"answers":"\#(id)"}"#,
                expect: .created)
            #expect(answer["symbol"] as? String == "01-CV/TU" && answer["answersID"] as? String == id)
            let done = try await send(
                .post, "\(incoming)/done", as: .clerk, #"{"answer":"\#(answer["id"] as? String ?? "")"}"#, schema: "RegisterEntryDetail")
            let steps = (done["steps"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(steps == ["register", "submit", "direct", "opinion", "done"])
            _ = try await send(.post, "\(incoming)/opinions", as: .delegate, #"{"text":"muộn"}"#, expect: .conflict)

            // As the world was: before the direction the first deadline held; after it, the new one.
            for (asOf, overdue, handler) in [
                ("2026-03-04", 1, nil), ("2026-03-10", 0, nil), ("2026-03-22", 2, "clerk"), ("2026-03-26", 0, nil),
            ] as [(String, Int, String?)] {
                let report = try await send(
                    .get, "/api/v1/reports/incoming/overdue?asOf=\(asOf)", as: .auditor, schema: "OverdueRecords")
                let records = report["records"] as? [[String: Any]] ?? []
                #expect(records.count == (overdue > 0 ? 1 : 0), "\(asOf): \(records)")
                if overdue > 0 {
                    #expect(records.first?["daysOverdue"] as? Int == overdue, "\(asOf)")
                    #expect(records.first?["handler"] as? String == handler, "\(asOf)")
                }
            }
            let gaps = try await send(.get, "/api/v1/registers/DEN/gaps?year=2026", as: .auditor, schema: "GapReport")
            #expect(gaps["clean"] as? Bool == true)
            try await client.execute(
                uri: "/api/v1/registers/DEN/sheet?year=2026&format=csv", method: .get, headers: fixture.headers(.auditor)
            ) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines[0].hasPrefix("Ngày đến,Số đến,Tác giả,\"Số, ký hiệu\",Ngày tháng"))
                #expect(lines[1].hasPrefix("02/03/2026,1,Tỉnh ủy Hà Giang,12-CV/TU,27/02/2026,CV: Về việc chuyển đổi số,clerk,05/03/2026"))
                #expect(lines[1].hasSuffix("Đã trả lời bằng 01-CV/TU"))
            }
            return samples
        }
        for (index, (schema, body)) in samples.enumerated() {
            let path = try fixture.store.directory.write(body, to: "record-sample-\(index).json")
            let result = try Command.run("python3", ["-c", OpenAPIContractTests.validator, OpenAPIContractTests.specPath, schema, path])
            #expect(result.status == 0, "\(schema): \(result.stderr)")
        }
        let actions = try await fixture.store.docket.auditLog.list(AuditFilter(), page: Page(limit: 1000), as: fixture.store.auditor)
            .items.map(\.action).filter { $0.hasPrefix("record.") }
        #expect(
            actions == Array(repeating: "record.outgoing", count: 5)  // 03 from paper, then 01, 02, 04, 05 imported
                + ["record.incoming", "record.process", "record.process", "record.process", "record.outgoing", "record.process"])
    }
}
