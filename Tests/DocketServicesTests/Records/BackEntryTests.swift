import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// An office taking up the work where paper left off: sessions, notices and register entries from
/// before Docket, entered with their real numbers and dates, delivering nothing today.
@Suite struct BackEntryTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    @Test(arguments: Backend.all) func aPastSessionRecordedAtItsRealTimesDeliversNothingAndNumbersNothingNew(_ backend: Backend) async throws {
        let clock = SettableClock(try Timestamp.parse("2026-04-01T09:00+07:00", field: "now"))
        let store = try await TestStore(backend, time: clock)
        let (sessions, notices, records) = (store.docket.sessions, store.docket.notices, store.docket.records)
        _ = try await store.docket.agencies.create(code: "VPTU", name: "Văn phòng Tỉnh ủy", as: store.clerk)
        _ = try await sessions.createBody(
            NewBody(name: "Ban Chỉ đạo Chuyển đổi số", code: "BCĐCĐS", numbering: .party, term: "2020-2025"), as: store.clerk)
        let future = await thrownError {
            _ = try await sessions.create(
                NewSession(body: "BCĐCĐS", title: "Chưa họp", startsAt: "10/05/2026 08:00", endsAt: nil, location: nil,
                           backEntered: true, zone: Self.zone),
                as: store.clerk)
        }
        #expect(future?.code == .invalidInput && future?.field == "startsAt")

        let session = try await sessions.create(
            NewSession(body: "BCĐCĐS", title: "Phiên họp thứ nhất", startsAt: "10/03/2025 08:00", endsAt: "10/03/2025 11:00",
                       location: "Hà Nội", backEntered: true, zone: Self.zone),
            as: store.clerk)
        let start = try Timestamp.parse("2025-03-10T01:00:00Z", field: "t")
        #expect(session.backEntered && session.startsAt == start)
        _ = try await sessions.invite(session.id, user: "chair", role: .chair, as: store.clerk)
        _ = try await sessions.invite(session.id, user: "delegate", role: .member, as: store.clerk)
        _ = try await sessions.addAgendaItem(session.id, NewAgendaItem(title: "Khai mạc"), as: store.clerk)
        _ = try await sessions.advance(session.id, to: .scheduled, as: store.clerk)
        _ = try await sessions.advance(session.id, to: .open, as: store.clerk)
        let selfCheckIn = await thrownError { _ = try await sessions.checkIn(session.id, as: store.delegate) }
        #expect(selfCheckIn?.code == .conflict && selfCheckIn?.field == "state")
        _ = try await sessions.recordAttendance(
            session.id,
            try AttendanceChange(
                user: "delegate", status: "present", at: "10/03/2025 08:20", leftAt: "10/03/2025 10:30", reason: nil,
                proxy: nil, amendment: nil, zone: Self.zone),
            as: store.clerk)
        _ = try await sessions.recordAttendance(session.id, AttendanceChange(user: "chair", status: .present), as: store.clerk)
        let attendance = try await sessions.participants(session.id, as: store.clerk).map {
            "\($0.username) \($0.arrivedAt.map(Timestamp.string) ?? "-") late=\($0.late)"
        }
        #expect(attendance.sorted() == ["chair 2025-03-10T01:00:00.000Z late=false", "delegate 2025-03-10T01:20:00.000Z late=true"])
        _ = try await sessions.addConclusion(
            session.id,
            NewConclusion(
                text: "Giao Văn phòng xây dựng kế hoạch", item: "1",
                tasks: [AssignedTask(title: "Xây dựng kế hoạch chuyển đổi số", leadAgency: "VPTU", deadline: "2025-06-30")]),
            as: store.clerk)
        _ = try await sessions.advance(session.id, to: .closed, as: store.clerk)

        // Conclusion notice 03 went out on paper on 15/03/2025; 01–05 are the paper numbers.
        func enter(number: Int?, date: String) async throws -> Notice {
            try await notices.issue(
                .conclusion, session: session.id,
                backEntered: try BackEntry(backEntered: true, number: number, date: date), as: store.clerk)
        }
        let gap = await thrownError { _ = try await enter(number: 3, date: "15/03/2025") }
        #expect(gap?.code == .invalidInput && gap?.field == "number")
        _ = try await records.startSeries(
            register: "BCĐCĐS", type: "TB", next: 6, reason: "Thông báo 01–05 ban hành trên giấy", as: store.clerk)
        let notice = try await enter(number: 3, date: "15/03/2025")
        #expect(notice.symbol == "03-TB/BCĐCĐS" && notice.backEntered)
        #expect(CalendarDate(notice.issuedAt, in: Self.zone) == CalendarDate("2025-03-15")!)
        let twice = await thrownError { _ = try await enter(number: 3, date: "15/03/2025") }
        #expect(twice?.code == .conflict && twice?.field == "number")
        let tomorrow = await thrownError { _ = try await enter(number: 4, date: "02/04/2026") }
        #expect(tomorrow?.code == .invalidInput && tomorrow?.field == "date")
        let addressed = await thrownError {
            _ = try await notices.issue(
                .conclusion, session: session.id, users: ["delegate"],
                backEntered: BackEntry(date: CalendarDate("2025-03-15")!, number: 4), as: store.clerk)
        }
        #expect(addressed?.code == .invalidInput && addressed?.field == "to")

        // Delivered nothing: no inbox, no recipients; numbered nothing new: the register holds only 03.
        #expect(try await notices.inbox(page: .first, as: store.delegate).items.isEmpty)
        #expect(try await notices.receipts(notice.id, as: store.clerk).recipients.isEmpty)
        let entries = try await records.entries(register: "BCĐCĐS", year: nil, page: .first, as: store.auditor).items
        #expect(entries.map(\.symbol) == ["03-TB/BCĐCĐS"] && entries.allSatisfy(\.backEntered))
        let gaps = try await records.gaps(register: "BCĐCĐS", year: 2025, as: store.auditor)
        #expect(gaps.clean && gaps.series.map { "\($0.series) first \($0.first) count \($0.count)" } == ["2020-2025/TB first 6 count 1"])
        let sheet = try await records.sheet(register: "BCĐCĐS", year: 2025, as: store.auditor).rendered(.csv)
        #expect(sheet.contains("03-TB/BCĐCĐS,15/03/2025,") && sheet.contains("Vào sổ sau từ sổ giấy, ngày 01/04/2026"))

        // The task it assigned was assigned on the notice's date, so past reports count it.
        let tasks = try await store.docket.tasks.tasks(TaskFilter(), page: .first, as: store.auditor).items
        #expect(tasks.map { "\($0.title) \($0.assignedOn) \($0.deadline)" } == ["Xây dựng kế hoạch chuyển đổi số 2025-03-15 2025-06-30"])
    }

    @Test(arguments: Backend.all) func aStateBodysBackEnteredDocumentsAreNumberedInTheYearTheyBear(_ backend: Backend) async throws {
        let clock = SettableClock(try Timestamp.parse("2026-02-02T09:00+07:00", field: "now"))
        let store = try await TestStore(backend, time: clock)
        let (sessions, notices, records) = (store.docket.sessions, store.docket.notices, store.docket.records)
        _ = try await sessions.createBody(NewBody(name: "Ủy ban nhân dân tỉnh", code: "UBND", numbering: .state, term: ""), as: store.clerk)
        let past = try await sessions.create(
            NewSession(body: "UBND", title: "Phiên họp tháng 11", startsAt: "20/11/2025 08:00", endsAt: nil, location: nil,
                       backEntered: true, zone: Self.zone),
            as: store.clerk)
        _ = try await sessions.invite(past.id, user: "chair", role: .chair, as: store.clerk)
        _ = try await sessions.advance(past.id, to: .scheduled, as: store.clerk)
        _ = try await sessions.advance(past.id, to: .open, as: store.clerk)
        _ = try await sessions.addConclusion(past.id, NewConclusion(text: "Thống nhất kế hoạch năm 2026"), as: store.clerk)
        let old = try await notices.issue(
            .conclusion, session: past.id, backEntered: BackEntry(date: CalendarDate("2025-11-25")!),
            as: store.clerk)
        #expect(old.symbol == "01-TB/UBND" && old.year == 2025 && old.period == "2025" && old.backEntered)

        // A session held now numbers in 2026's series, untouched by the back-entered one.
        let now = try await sessions.create(
            NewSession(body: "UBND", title: "Phiên họp tháng 2", startsAt: "03/02/2026 08:00", endsAt: nil, location: nil,
                       zone: Self.zone),
            as: store.clerk)
        _ = try await sessions.invite(now.id, user: "chair", role: .chair, as: store.clerk)
        _ = try await sessions.advance(now.id, to: .scheduled, as: store.clerk)
        let invitation = try #require(try await notices.register(body: "UBND", year: 2026, page: .first, as: store.auditor).items.first)
        #expect(invitation.symbol == "01-GM/UBND" && invitation.year == 2026 && !invitation.backEntered)

        // The incoming register continued from paper: 2025's last arrival numbers, then today's.
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        func incoming(_ symbol: String, arrived: String?, backEntered: Bool, number: Int? = nil) throws -> NewIncoming {
            try NewIncoming(
                register: "DEN", sender: "Sở Nội vụ", senderSymbol: symbol, senderDate: nil, type: nil, summary: "Về nhân sự",
                classification: nil, urgency: nil, pages: nil, arrivedAt: arrived, deadline: nil, note: nil,
                backEntered: backEntered, number: number, zone: Self.zone)
        }
        let refusals: [(String, NewIncoming)] = [
            ("number", try incoming("1-CV/SNV", arrived: nil, backEntered: false, number: 7)),
            ("arrivedAt", try incoming("1-CV/SNV", arrived: nil, backEntered: true)),
            ("arrivedAt", try incoming("1-CV/SNV", arrived: "05/02/2026 08:00", backEntered: true)),
            ("number", try incoming("1-CV/SNV", arrived: "30/12/2025 14:00", backEntered: true, number: 2)),
        ]
        for (field, new) in refusals {
            #expect(await thrownError { _ = try await records.registerIncoming(new, original: nil, as: store.clerk) }?.field == field)
        }
        let first = try await records.registerIncoming(
            try incoming("1-CV/SNV", arrived: "30/12/2025 14:00", backEntered: true, number: 1), original: nil, as: store.clerk)
        let second = try await records.registerIncoming(
            try incoming("2-CV/SNV", arrived: "31/12/2025 09:00", backEntered: true), original: nil, as: store.clerk)
        let today = try await records.registerIncoming(
            try incoming("3-CV/SNV", arrived: nil, backEntered: false), original: nil, as: store.clerk)
        #expect([first, second, today].map { "\($0.year)/\($0.number) \($0.backEntered)" } == ["2025/1 true", "2025/2 true", "2026/1 false"])
        #expect(try await records.gaps(register: "DEN", year: 2025, as: store.auditor).clean)
        let events = try await store.docket.auditLog.list(AuditFilter(subject: second.id), page: .first, as: store.auditor)
        #expect(events.items.contains { $0.action == "record.incoming" && $0.details.contains(#""backEntered":"true""#) })
    }

    /// The paper books as clerks keep them in Excel: `;`-separated with the book's own headers,
    /// and UTF-16 "Unicode text" with tabs.
    @Test(arguments: Backend.all) func aPaperRegisterImportsWholeWithItsNumbersOrNotAtAll(_ backend: Backend) async throws {
        let clock = SettableClock(try Timestamp.parse("2026-02-02T09:00+07:00", field: "now"))
        let store = try await TestStore(backend, time: clock)
        let records = store.docket.records
        _ = try await records.createRegister(
            NewRegister(code: "TU", name: nil, kind: "outgoing", issuer: nil, numbering: "party", period: nil, term: "XIII",
                        seriesPerType: nil, secretSeries: nil), as: store.clerk)
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        let header = "Số, ký hiệu;Ngày tháng;Tên loại và trích yếu nội dung;Người ký;Nơi nhận văn bản\n"
        let book = header + """
            01-CV/TU;05/01/2026;Về triển khai chuyển đổi số;Nguyễn Văn A;"Các huyện ủy; Văn phòng"
            02-CV/TU;12/01/2026;Về hội nghị sơ kết;Nguyễn Văn A;Ban Tổ chức
            01-NQ/TU;20/01/2026;Nghị quyết về chuyển đổi số;Nguyễn Văn B;Các đảng bộ
            03-CV/TU;30/01/2026;Về báo cáo tháng;Nguyễn Văn A;Văn phòng

            """
        func refusal(_ text: String, register: String = "TU") async -> DocketError? {
            await refusal(Data(text.utf8), register: register)
        }
        func refusal(_ data: Data, register: String) async -> DocketError? {
            await thrownError { _ = try await records.importRegister(file: data, register: register, as: store.clerk) }
        }
        let wrong: [(String, String)] = [
            (header + "01-CV/TU;05/01/2026;A;;\n03-CV/TU;06/01/2026;B;;\n", "line 3, Số, ký hiệu"),  // 02 missing
            (header + "01-CV/TU;05/01/2026;A;;\n01-CV/TU;06/01/2026;B;;\n", "line 3, Số, ký hiệu"),  // 01 twice
            (header + "01-CV/UBND;05/01/2026;A;;\n", "line 2, Số, ký hiệu"),  // another issuer's number
            (header + "01-CV/TU;31/02/2026;A;;\n", "line 2, Ngày tháng"),
            (header + "01-CV/TU;05/03/2026;A;;\n", "line 2, Ngày tháng"),  // after today
            ("Số;Ngày tháng;Trích yếu\n1;05/01/2026;A\n", "line 2, type"),
            (header, "file"),
        ]
        for (text, field) in wrong {
            let error = await refusal(text)
            #expect(error?.code == .invalidInput && error?.field == field, "\(text) → \(String(describing: error))")
        }
        #expect(await refusal(book, register: "NOPE")?.code == .notFound)
        #expect(await thrownError {
            _ = try await records.importRegister(file: Data(book.utf8), register: "TU", as: store.auditor)
        }?.code == .forbidden)
        #expect(try await records.entries(register: "TU", year: nil, page: .first, as: store.auditor).items.isEmpty)

        let result = try await records.importRegister(file: Data(book.utf8), register: "tu", as: store.clerk)
        #expect(result.imported == 4 && result.series.map { "\($0.series) \($0.first)-\($0.last)" } == ["XIII/CV 1-3", "XIII/NQ 1-1"])
        let again = await refusal(book)
        #expect(again?.code == .conflict && again?.field == "line 2, Số, ký hiệu")
        let next = try await records.registerOutgoing(
            NewOutgoing(register: "TU", type: "CV", summary: "Văn bản đầu tiên trên Docket"), original: nil, as: store.clerk)
        #expect(next.symbol == "04-CV/TU" && !next.backEntered)
        let entries = try await records.entries(register: "TU", year: nil, page: .first, as: store.auditor).items
        #expect(entries.first?.recipients == ["Các huyện ủy", "Văn phòng"] && entries.filter(\.backEntered).count == 4)

        // The incoming book, saved by Excel as "Unicode text": UTF-16 with a byte order mark, tabs.
        let incoming = """
            Ngày đến\tSố đến\tTác giả\tSố, ký hiệu\tNgày tháng\tTrích yếu
            29/12/2025\t311\tSở Nội vụ\t45-CV/SNV\t26/12/2025\tVề nhân sự
            30/12/2025\t312\tTỉnh ủy Hà Giang\t12-CV/TU\t28/12/2025\tVề chuyển đổi số
            05/01/2026\t1\tSở Nội vụ\t1-CV/SNV\t04/01/2026\tVề tuyển dụng

            """
        let utf16 = Data([0xFF, 0xFE]) + incoming.data(using: .utf16LittleEndian)!
        // 311 would leave 1–310 missing until the series is said to continue from paper.
        let gap = await refusal(utf16, register: "DEN")
        #expect(gap?.code == .invalidInput && gap?.field == "line 2, Số đến")
        let start = try await records.startSeries(register: "DEN", type: "CV", year: 2025, next: 311, reason: "1–310 trên sổ giấy", as: store.clerk)
        #expect(start.nextNumber == 311)
        let arrived = try await records.importRegister(file: utf16, register: "DEN", as: store.clerk)
        #expect(arrived.series.map { "\($0.series) \($0.first)-\($0.last)" } == ["2025 311-312", "2026 1-1"])
        let den = try await records.entries(register: "DEN", year: 2025, page: .first, as: store.auditor).items
        #expect(den.map { "\($0.number) \($0.state?.rawValue ?? "-") \($0.backEntered)" } == ["311 done true", "312 done true"])
        #expect(try await records.gaps(register: "DEN", year: 2025, as: store.auditor).clean)
        let sheet = try await records.sheet(register: "DEN", year: 2025, as: store.auditor).rendered(.csv)
        #expect(sheet.contains("29/12/2025,311,Sở Nội vụ,45-CV/SNV,26/12/2025,CV: Về nhân sự"))
    }
}
