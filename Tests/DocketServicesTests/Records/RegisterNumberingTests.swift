import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// The one register engine: how each configuration numbers, and that nothing bad takes a number.
@Suite struct RegisterNumberingTests {
    static func outgoing(_ register: String, _ type: String, _ classification: Classification = .internal) -> NewOutgoing {
        NewOutgoing(register: register, type: type, summary: "Văn bản \(type)", classification: classification)
    }

    @Test(arguments: Backend.all) func partySeriesRunPerTypeForATermAndStateSeriesPerYearWithSecretDocumentsApart(_ backend: Backend) async throws {
        let clock = SettableClock(try Timestamp.parse("2025-12-31T10:00+07:00", field: "now"))
        let store = try await TestStore(backend, time: clock)
        let records = store.docket.records
        _ = try await records.createRegister(
            NewRegister(code: "TU", name: nil, kind: "outgoing", issuer: nil, numbering: "party", period: nil, term: "XIII",
                        seriesPerType: nil, secretSeries: nil), as: store.clerk)
        _ = try await records.createRegister(
            NewRegister(code: "UBND", name: nil, kind: "outgoing", issuer: "UBND", numbering: "state", period: nil, term: nil,
                        seriesPerType: nil, secretSeries: nil), as: store.clerk)
        var symbols: [String] = []
        for new in [
            Self.outgoing("TU", "CV"), Self.outgoing("TU", "NQ"), Self.outgoing("TU", "cv", .secret),
            Self.outgoing("UBND", "CV"), Self.outgoing("UBND", "QĐ"), Self.outgoing("UBND", "CV", .secret),
        ] {
            symbols.append(try await records.registerOutgoing(new, original: nil, as: store.clerk).symbol)
        }
        #expect(symbols == ["01-CV/TU", "01-NQ/TU", "02-CV/TU", "01-CV/UBND", "02-QĐ/UBND", "01-CV/UBND"])
        clock.set(try Timestamp.parse("2026-01-01T00:30+07:00", field: "now"))  // a new year in Hà Nội
        let next = try await [Self.outgoing("TU", "CV"), Self.outgoing("UBND", "CV")].asyncMap {
            try await records.registerOutgoing($0, original: nil, as: store.clerk).symbol
        }
        #expect(next == ["03-CV/TU", "01-CV/UBND"])
        let state = try await records.gaps(register: "UBND", year: 2025, as: store.auditor)
        #expect(state.clean && state.series.map(\.series) == ["2025", "2025/mật"])
        let party = try await records.gaps(register: "TU", year: 2026, as: store.auditor)
        #expect(party.clean && party.series.map { "\($0.series) \($0.last)" } == ["XIII/CV 3"])
    }

    @Test(arguments: Backend.all) func aSessionNoticeTakesTheNextNumberOfItsBodysOutgoingRegister(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)  // the invitation: 01-GM/BCĐCĐS
        let records = store.docket.records
        let registered = try await records.registerOutgoing(Self.outgoing("BCĐCĐS", "GM"), original: nil, as: store.clerk)
        #expect(registered.symbol == "02-GM/BCĐCĐS")
        _ = try await store.docket.sessions.editAgendaItem(
            prepared.session.id, item: "1", AgendaItemEdit(title: "Khai mạc phiên họp"), as: store.clerk)
        _ = try await store.docket.notices.issue(.agendaChange, session: prepared.session.id, as: store.clerk)
        let entries = try await records.entries(register: "bcđcđs", year: nil, page: .first, as: store.auditor)
        #expect(entries.items.map(\.symbol) == ["01-GM/BCĐCĐS", "02-GM/BCĐCĐS", "01-TB/BCĐCĐS"])
        #expect(entries.items.map { $0.noticeID != nil } == [true, false, true])
        let year = CalendarDate(Date(), in: store.docket.configuration.timeZone).year
        #expect(try await records.gaps(register: "BCĐCĐS", year: year, as: store.auditor).clean)
    }

    /// An office that adopts Docket mid-term: its body issued notices 01 to 05 on paper.
    @Test(arguments: Backend.all) func aSeriesContinuedFromPaperGivesTheFirstDocketNoticeTheNextNumber(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)  // the invitation: 01-GM/BCĐCĐS
        let records = store.docket.records
        let refusals: [(String, @Sendable () async throws -> Void)] = [
            ("next", { _ = try await records.startSeries(register: "BCĐCĐS", type: "TB", next: 1, reason: "x", as: store.clerk) }),
            ("reason", { _ = try await records.startSeries(register: "BCĐCĐS", type: "TB", next: 6, reason: " ", as: store.clerk) }),
            ("register", { _ = try await records.startSeries(register: "NOPE", type: "TB", next: 6, reason: "x", as: store.clerk) }),
            ("register", { _ = try await records.startSeries(register: "BCĐCĐS", type: "GM", next: 6, reason: "x", as: store.clerk) }),
        ]
        for (field, refused) in refusals {
            #expect(await thrownError(refused)?.field == field)
        }
        #expect(await thrownError {
            _ = try await records.startSeries(register: "BCĐCĐS", type: "TB", next: 6, reason: "x", as: store.auditor)
        }?.code == .forbidden)
        let start = try await records.startSeries(
            register: "bcđcđs", type: "TB", next: 6, reason: "Thông báo 01–05 ban hành trên giấy", as: store.clerk)
        #expect(start.series == "2020-2025/TB" && start.nextNumber == 6)
        let again = await thrownError {
            _ = try await records.startSeries(register: "BCĐCĐS", type: "TB", next: 9, reason: "x", as: store.clerk)
        }
        #expect(again?.code == .conflict && again?.field == "next")

        _ = try await store.docket.sessions.addConclusion(
            prepared.session.id, NewConclusion(text: "Giao Văn phòng báo cáo", item: "1", tasks: []), as: store.clerk)
        let notice = try await store.docket.notices.issue(.conclusion, session: prepared.session.id, as: store.clerk)
        #expect(notice.symbol == "06-TB/BCĐCĐS")
        let year = CalendarDate(Date(), in: store.docket.configuration.timeZone).year
        let gaps = try await records.gaps(register: "BCĐCĐS", year: year, as: store.auditor)
        #expect(gaps.clean)
        let series = try #require(gaps.series.first { $0.series == "2020-2025/TB" })
        #expect(series.first == 6 && series.last == 6 && series.missing.isEmpty && series.startReason == start.reason)
        let events = try await store.docket.auditLog.list(AuditFilter(subject: notice.id), page: .first, as: store.auditor)
        #expect(events.items.map(\.action).contains("notice.issue"))
    }

    @Test(arguments: Backend.all) func aBodysOutgoingRegisterOpensBesideARegisterThatTookItsCode(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let records = store.docket.records
        // A clerk opened an incoming register under the body's code before its first notice.
        _ = try await records.createRegister(
            NewRegister(code: "BCĐCĐS", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        _ = try await store.preparedSession(open: true)  // the invitation opens the outgoing register
        let codes = try await records.registers(page: .first, as: store.auditor).items.map { "\($0.code) \($0.kind.rawValue)" }.sorted()
        #expect(codes == ["BCĐCĐS incoming", "BCĐCĐS-ĐI outgoing"])
        let entries = try await records.entries(register: "BCĐCĐS-ĐI", year: nil, page: .first, as: store.auditor)
        #expect(entries.items.map(\.symbol) == ["01-GM/BCĐCĐS"])
    }

    @Test(arguments: Backend.all) func badInputNamesItsFieldAndTakesNoNumberAndStoresNoBlob(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let records = store.docket.records
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        let path = try store.directory.write(Data("bản gốc".utf8), to: "cv.pdf")
        func incoming(_ change: (inout NewIncoming) -> Void) -> NewIncoming {
            var new = NewIncoming(register: "DEN", sender: "Sở Nội vụ", senderSymbol: "5-CV/SNV", summary: "Về nhân sự")
            change(&new)
            return new
        }
        for (new, actor, expected) in [
            (incoming { $0.sender = " " }, store.clerk, DocketError.Kind(.invalidInput, "sender")),
            (incoming { $0.senderSymbol = "không số" }, store.clerk, .init(.invalidInput, "type")),
            (incoming { $0.summary = "a\u{0}b" }, store.clerk, .init(.invalidInput, "summary")),
            (incoming { $0.pages = 0 }, store.clerk, .init(.invalidInput, "pages")),
            (incoming { $0.classification = .topSecret }, store.clerk, .init(.invalidInput, "classification")),
            (incoming { $0.deadline = CalendarDate("2020-01-01") }, store.clerk, .init(.invalidInput, "deadline")),
            (incoming { $0.register = "KHONG" }, store.clerk, .init(.notFound, "register")),
            (incoming { _ in }, store.delegate, .init(.forbidden, nil)),
            (incoming { _ in }, store.auditor, .init(.forbidden, nil)),
        ] {
            let error = await thrownError { _ = try await records.registerIncoming(new, original: try .file(at: path, title: nil), as: actor) }
            #expect(error?.kind == expected, "\(error?.message ?? "no error")")
        }
        _ = try await records.createRegister(
            NewRegister(code: "DI", kind: .outgoing, issuer: "VP", period: .year, seriesPerType: false, secretSeries: true),
            as: store.clerk)
        let wrongKind = await thrownError { _ = try await records.registerIncoming(incoming { $0.register = "DI" }, original: nil, as: store.clerk) }
        #expect(wrongKind?.kind == .init(.invalidInput, "register"))
        let blobs = try store.storedBlobs()
        #expect(blobs.files == [] && blobs.small == 0, "a refused registration stored no content")

        let first = try await records.registerIncoming(incoming { _ in }, original: try .file(at: path, title: nil), as: store.clerk)
        #expect(first.number == 1 && first.duplicateOf == nil && first.documentID != nil)
        let again = try await records.registerIncoming(incoming { $0.senderSymbol = "5-cv/snv " }, original: nil, as: store.clerk)
        #expect(again.number == 2 && again.duplicateOf == first.id)
    }

    @Test(arguments: Backend.all) func registrationsArrivingTogetherShareACommitAndAFailedOneTakesNothing(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let records = store.docket.records
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        // 24 registrations at once, each with its own content; every fourth names a register that
        // does not exist, which only its transaction finds out, after its content was stored.
        let outcomes = try await withThrowingTaskGroup(of: (Int, RegisterEntry?).self) { group in
            for index in 0..<24 {
                let path = try store.directory.write(Data("Công văn \(index)".utf8), to: "cv\(index).txt")
                group.addTask {
                    let new = NewIncoming(
                        register: index % 4 == 3 ? "KHONG" : "DEN", sender: "Sở Nội vụ", senderSymbol: "\(index + 1)-CV/SNV",
                        summary: "Văn bản \(index)")
                    let entry = try? await records.registerIncoming(new, original: try .file(at: path, title: nil), as: store.clerk)
                    return (index, entry)
                }
            }
            return try await group.reduce(into: [(Int, RegisterEntry?)]()) { $0.append($1) }
        }
        #expect(outcomes.count == 24)
        let numbers = outcomes.compactMap { $0.1?.number }.sorted()
        #expect(numbers == Array(1...18), "gap-free, one number each, none for the failed")
        #expect(outcomes.filter { $0.0 % 4 == 3 }.allSatisfy { $0.1 == nil })
        let stored = try store.storedBlobs()
        #expect(stored.files == [] && stored.small == 18, "the failed registrations' content is gone")
        #expect(try await store.docket.auditLog.verify(as: store.auditor).isIntact)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
