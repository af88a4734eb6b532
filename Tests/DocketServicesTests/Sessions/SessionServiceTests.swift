import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

@Suite struct SessionServiceTests {
    func steeringCommittee(_ store: TestStore) async throws -> Body {
        try await store.docket.sessions.createBody(
            NewBody(name: "Ban Chỉ đạo Chuyển đổi số", code: "BCĐCĐS", numbering: .party, term: "2020-2025"), as: store.clerk)
    }

    @Test(arguments: Backend.all) func sessionsAreNumberedPerBody(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await steeringCommittee(store)
        let other = try await store.docket.sessions.createBody(
            NewBody(name: "Tổ công tác", code: "TCT", numbering: .state), as: store.clerk)
        let start = try Timestamp.parse("2025-03-10T08:00:00+07:00", field: "starts")
        var numbers: [Int] = []
        for body in ["BCĐCĐS", "BCĐCĐS", other.id, "BCĐCĐS"] {
            numbers.append(try await store.docket.sessions.create(NewSession(body: body, title: "Phiên họp", startsAt: start), as: store.clerk).number)
        }
        #expect(numbers == [1, 2, 1, 3])
    }

    @Test(arguments: Backend.all) func everyIllegalTransitionIsRefusedAndTheLegalPathWorks(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await steeringCommittee(store)
        let session = try await store.docket.sessions.create(
            NewSession(body: "BCĐCĐS", title: "Phiên họp thứ 1", startsAt: Date()), as: store.clerk)
        #expect(await thrownError {
            try await store.docket.sessions.advance(session.id, to: .scheduled, as: store.clerk)
        }?.kind == .init(.conflict, "state"), "no participants")
        _ = try await store.docket.sessions.invite(session.id, user: "chair", role: .chair, as: store.clerk)
        var state = SessionState.draft
        for next in [SessionState.scheduled, .open, .closed, .archived] {
            for illegal in SessionState.allCases where illegal != next {
                #expect(await thrownError {
                    try await store.docket.sessions.advance(session.id, to: illegal, as: store.clerk)
                }?.kind == .init(.conflict, "state"), "\(state) → \(illegal)")
            }
            state = try await store.docket.sessions.advance(session.id, to: next, as: store.clerk).state
            #expect(state == next)
        }
        do {
            _ = try await store.docket.sessions.advance(session.id, to: .open, as: store.clerk)
            Issue.record("an archived session reopened")
        } catch let error as DocketError {
            #expect(error.message.contains("is archived and cannot become open: only a scheduled session can become open"))
        }
    }

    @Test(arguments: Backend.all) func delegatesAndAuditorsChangeNothingAndDelegatesSeeNoUninvitedSession(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await steeringCommittee(store)
        let session = try await store.docket.sessions.create(
            NewSession(body: "BCĐCĐS", title: "Phiên họp", startsAt: Date()), as: store.clerk)
        for user in [store.delegate, store.auditor] {
            #expect(await thrownError { try await store.docket.sessions.advance(session.id, to: .scheduled, as: user) }?.kind == .init(.forbidden))
            #expect(await thrownError {
                try await store.docket.sessions.create(NewSession(body: "BCĐCĐS", title: "x", startsAt: Date()), as: user)
            }?.kind == .init(.forbidden))
        }
        #expect(try await store.docket.sessions.get(session.id, as: store.auditor).state == .draft)
        await #expect(throws: DocketError.notFound("session", session.id)) {
            try await store.docket.sessions.get(session.id, as: store.delegate)
        }
        #expect(try await store.docket.sessions.list(body: nil, page: .first, as: store.delegate).total == 0)
    }

    @Test(arguments: Backend.all) func badInputNamesTheField(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        await #expect(throws: DocketError.invalid("term", "party numbering restarts each term; give the current term, e.g. 2020-2025")) {
            try await store.docket.sessions.createBody(NewBody(name: "X", code: "X"), as: store.clerk)
        }
        #expect(await thrownError {
            try await store.docket.sessions.createBody(NewBody(name: "X", code: "TB/X", term: "1"), as: store.clerk)
        }?.kind == .init(.invalidInput, "code"))
        _ = try await steeringCommittee(store)
        await #expect(throws: DocketError(.conflict, "a body with the code BCĐCĐS already exists", field: "code")) {
            try await steeringCommittee(store)
        }
        let now = Date()
        await #expect(throws: DocketError.invalid("ends", "the session must end after it starts")) {
            try await store.docket.sessions.create(
                NewSession(body: "BCĐCĐS", title: "x", startsAt: now, endsAt: now.addingTimeInterval(-60)), as: store.clerk)
        }
    }
}

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2025-03-10T08:00+07:00", "2025-03-10T01:00:00.000Z"),
        ("2025-03-10T08:00:30+07:00", "2025-03-10T01:00:30.000Z"),
        ("2025-03-10T08:00:00.250Z", "2025-03-10T08:00:00.250Z"),
        ("2025-03-10T23:30-02:30", "2025-03-11T02:00:00.000Z"),
        ("2025-03-10", "2025-03-10T00:00:00.000Z"),
    ])
    func parsesDatesAndZonedTimes(text: String, expected: String) throws {
        #expect(Timestamp.string(try Timestamp.parse(text, field: "starts")) == expected)
    }

    @Test(arguments: ["2025-03-10T08:00", "2025-02-30", "2025-13-01", "10/03/2025", "2025-03-10T25:00Z", ""])
    func refusesAnythingElse(text: String) {
        #expect(thrownError { try Timestamp.parse(text, field: "starts") }?.kind == .init(.invalidInput, "starts"))
    }
}
