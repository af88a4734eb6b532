import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

@Suite struct SessionRecordTests {
    @Test(arguments: Backend.all) func attendanceIsCountedPerBridgePointAndQuorumFollowsWhoIsInTheRoom(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)
        let sessions = store.docket.sessions
        let id = prepared.session.id
        var report = try await sessions.attendance(id, as: store.clerk)
        #expect(report.entitled == 2 && report.entitledPresent == 0 && !report.quorum)

        let present = try await sessions.checkIn(id, as: store.delegate)
        #expect(present.status == .present && present.late)  // the session started in 2025
        let again = try await sessions.checkIn(id, as: store.delegate)
        #expect(again.arrivedAt.map(Timestamp.string) == present.arrivedAt.map(Timestamp.string))
        report = try await sessions.attendance(id, as: store.delegate)
        #expect(report.entitledPresent == 1 && !report.quorum)  // 1 of 2 is not more than half

        _ = try await sessions.recordAttendance(id, AttendanceChange(user: "chair", status: .present), as: store.clerk)
        report = try await sessions.attendance(id, as: store.clerk)
        #expect(report.quorum)
        let point = try #require(report.points.first { $0.bridgePoint == "Điểm cầu Tỉnh ủy" })
        #expect(point.invited == 1 && point.present == 1 && point.late == 1)

        _ = try await sessions.checkOut(id, as: store.delegate)
        report = try await sessions.attendance(id, as: store.clerk)
        #expect(!report.quorum && report.points.contains { $0.leftEarly == 1 })

        await #expect(throws: DocketError(.invalidInput, "absence needs a reason", field: "reason")) {
            try await sessions.recordAttendance(id, AttendanceChange(user: "chair", status: .absent), as: store.clerk)
        }
        #expect(await thrownError {  // not invited: as if the session did not exist
            try await sessions.checkIn(id, as: store.auditor)
        }?.kind == .init(.notFound, "id"))
        let events = try await store.docket.auditLog.list(AuditFilter(subject: id), page: .first, as: store.auditor)
        #expect(events.items.filter { $0.action == "session.check-in" }.count == 1)
    }

    @Test(arguments: Backend.all) func aBodyWithARosterCountsItsMembersForQuorumInvitedOrNot(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)
        let sessions = store.docket.sessions
        let id = prepared.session.id
        _ = try await sessions.checkIn(id, as: store.delegate)
        _ = try await sessions.recordAttendance(id, AttendanceChange(user: "chair", status: .present), as: store.clerk)
        var report = try await sessions.attendance(id, as: store.clerk)
        #expect(report.quorumBasis == .entitledParticipants && report.entitled == 2 && report.quorum)

        // A roster of five: the two present are 2 of 5, not more than half, though every invited member came.
        for name in ["chair", "delegate", "clerk", "auditor", "admin"] {
            _ = try await sessions.addMember(name, to: "BCĐCĐS", as: store.clerk)
        }
        let roster = try await sessions.addMember("delegate", to: "BCĐCĐS", as: store.clerk)  // again: nothing changes
        #expect(roster.map(\.username) == ["chair", "delegate", "clerk", "auditor", "admin"])
        report = try await sessions.attendance(id, as: store.clerk)
        #expect(report.quorumBasis == .bodyRoster && report.entitled == 5 && report.entitledPresent == 2 && !report.quorum)

        // A roster member invited as a guest counts once in the room; a present non-member does not.
        _ = try await sessions.invite(id, user: "clerk", role: .guest, as: store.clerk)
        _ = try await sessions.recordAttendance(id, AttendanceChange(user: "clerk", status: .present), as: store.clerk)
        report = try await sessions.attendance(id, as: store.clerk)
        #expect(report.entitledPresent == 3 && report.quorum)
        _ = try await sessions.removeMember("chair", from: "BCĐCĐS", as: store.clerk)
        report = try await sessions.attendance(id, as: store.clerk)
        #expect(report.entitled == 4 && report.entitledPresent == 2 && !report.quorum)

        // Who may: the clerk changes the roster, the auditor reads it, a delegate neither; errors change nothing.
        let audit = try await store.docket.auditLog.list(AuditFilter(subject: nil), page: .first, as: store.auditor).total
        #expect(await thrownError { try await sessions.addMember("chair", to: "BCĐCĐS", as: store.auditor) }?.kind == .init(.forbidden))
        #expect(await thrownError { try await sessions.members(of: "BCĐCĐS", as: store.delegate) }?.kind == .init(.forbidden))
        await #expect(throws: DocketError(.notFound, "chair is not on the roster of BCĐCĐS", field: "user")) {
            try await sessions.removeMember("chair", from: "BCĐCĐS", as: store.clerk)
        }
        await #expect(throws: DocketError(.notFound, "no user with the username or id nobody", field: "user")) {
            try await sessions.addMember("nobody", to: "BCĐCĐS", as: store.clerk)
        }
        #expect(try await sessions.members(of: "BCĐCĐS", as: store.auditor).count == 4)
        #expect(try await store.docket.auditLog.list(AuditFilter(subject: nil), page: .first, as: store.auditor).total == audit)

        // The signed attendance record counts by the roster and lists the members never invited.
        let closed = try await sessions.advance(id, to: .closed, as: store.clerk)
        let record = String(
            decoding: try await store.docket.documents.content(try #require(closed.attendanceRecordID), as: store.clerk).content.data(), as: UTF8.self)
        #expect(record.contains("Tính túc số (theo danh sách thành viên): 4; có mặt khi kết thúc: 2"))
        #expect(record.contains("<td>admin</td><td></td><td>có</td><td></td><td>không được mời</td>"))
        #expect(record.contains("<td>chair</td><td>Chủ trì</td><td>không</td>"))
        #expect(record.contains("Biên bản điểm danh phiên họp thứ") && record.contains(#"<html lang="vi">"#))
    }

    @Test(arguments: Backend.all) func concurrentCheckInsCommitTogetherAndAFailingOneSpoilsNoOther(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)
        let id = prepared.session.id
        var delegates: [User] = []
        for index in 0..<40 {
            let user = try await store.docket.users.add(NewUser(username: "dai-bieu-\(index)", roles: [.delegate]), as: store.admin)
            _ = try await store.docket.sessions.invite(id, user: user.username, role: .member, as: store.clerk)
            delegates.append(user)
        }
        let outsider = try await store.docket.users.add(NewUser(username: "ngoai", roles: [.delegate]), as: store.admin)
        let results = await withTaskGroup(of: Bool.self) { group in
            for user in delegates + [outsider] + delegates.prefix(5) {  // five check in twice
                group.addTask { (try? await store.docket.sessions.checkIn(id, as: user)) != nil }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { !$0 }.count == 1)  // only the outsider fails
        let report = try await store.docket.sessions.attendance(id, as: store.clerk)
        #expect(report.participants.filter { $0.username.hasPrefix("dai-bieu-") && $0.status == .present }.count == 40)
        let events = try await store.docket.auditLog.list(AuditFilter(subject: id), page: Page(limit: 1000, offset: 0), as: store.auditor)
        #expect(events.items.filter { $0.action == "session.check-in" }.count == 40)
        #expect(try await store.docket.auditLog.verify(as: store.auditor).isIntact)
    }

    @Test(arguments: Backend.all) func afterInvitationsEveryAgendaChangeIsAVersionAndOneNoticeCoversThemAll(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession()
        let sessions = store.docket.sessions
        let id = prepared.session.id
        var agenda = try await sessions.addAgendaItem(id, NewAgendaItem(title: "Chi tiết", parent: "2"), as: store.clerk)
        #expect(agenda.version == 0)
        #expect(agenda.items.map(\.number) == ["1", "2", "2.1"])
        _ = try await sessions.advance(id, to: .scheduled, as: store.clerk)
        agenda = try await sessions.editAgendaItem(id, item: "2.1", AgendaItemEdit(parent: "", position: 1), as: store.clerk)
        #expect(agenda.version == 2)
        #expect(agenda.items.map { "\($0.number) \($0.item.title)" } == ["1 Chi tiết", "2 Khai mạc", "3 Báo cáo tình hình"])
        agenda = try await sessions.editAgendaItem(id, item: "1", AgendaItemEdit(status: .deferred), as: store.clerk)
        #expect(agenda.version == 2)  // progress, not a new agenda

        let first = try await sessions.agenda(id, version: 1, as: store.delegate)
        #expect(first.items.map(\.number) == ["1", "2", "2.1"])
        // Three edits in all take no number until the clerk tells the participants, once.
        _ = try await sessions.editAgendaItem(id, item: "2", AgendaItemEdit(title: "Khai mạc phiên họp"), as: store.clerk)
        agenda = try await sessions.editAgendaItem(id, item: "3", AgendaItemEdit(title: "Báo cáo tình hình quý I"), as: store.clerk)
        #expect(agenda.version == 4)
        var inbox = try await store.docket.notices.inbox(page: .first, as: store.delegate)
        #expect(inbox.items.map(\.notice.symbol) == ["01-GM/BCĐCĐS"])
        let notice = try await store.docket.notices.issue(.agendaChange, session: id, note: "Xin lỗi vì thay đổi muộn", as: store.clerk)
        #expect(notice.symbol == "01-TB/BCĐCĐS")
        let html = String(decoding: try await store.docket.documents.content(notice.documentID, as: store.clerk).content.data(), as: UTF8.self)
        #expect(html.contains("Phiên bản 2: ") && html.contains("Phiên bản 3: ") && html.contains("Phiên bản 4: ") && html.contains("Xin lỗi vì thay đổi muộn"))
        inbox = try await store.docket.notices.inbox(page: .first, as: store.delegate)
        #expect(inbox.items.map(\.notice.symbol) == ["01-TB/BCĐCĐS", "01-GM/BCĐCĐS"])
        // Nothing changed since: a second notice has nothing to say, and takes no number.
        #expect(await thrownError { _ = try await store.docket.notices.issue(.agendaChange, session: id, as: store.clerk) }?.kind == .init(.conflict, "kind"))
        let register = try await store.docket.notices.register(body: "BCĐCĐS", page: .first, as: store.clerk)
        #expect(register.items.map(\.symbol) == ["01-GM/BCĐCĐS", "01-TB/BCĐCĐS"])

        #expect(await thrownError {  // an item cannot move under its own sub-item
            try await sessions.editAgendaItem(id, item: "2", AgendaItemEdit(parent: "2"), as: store.clerk)
        }?.kind == .init(.invalidInput, "parent"))
    }

    @Test(arguments: Backend.all) func aClosedSessionChangesOnlyByAmendmentAndAnArchivedOneNever(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)
        let sessions = store.docket.sessions
        let id = prepared.session.id
        let conclusion = try await sessions.addConclusion(
            id, NewConclusion(text: "Giao Văn phòng báo cáo", item: "1", tasks: [AssignedTask(title: "Báo cáo", leadAgency: "VPTU", coordinatingAgencies: ["BTC"], deadline: "2025-06-30")]),
            as: store.clerk)
        let closed = try await sessions.advance(id, to: .closed, as: store.clerk)
        let record = try #require(closed.attendanceRecordID)
        let verification = try await store.docket.documents.verify(record, as: store.auditor)
        #expect(verification.contentIntact && verification.signatures.allSatisfy(\.report.isValid))
        #expect(try await store.docket.documents.get(record, as: store.delegate).id == record)  // a participant reads it

        let frozen: [@Sendable () async throws -> Void] = [
            { _ = try await sessions.addConclusion(id, NewConclusion(text: "Thêm"), as: store.clerk) },
            { _ = try await sessions.editConclusion(id, conclusion: conclusion.id, text: "Sửa", tasks: nil, amendment: nil, as: store.clerk) },
            { _ = try await sessions.recordAttendance(id, AttendanceChange(user: "chair", status: .present), as: store.clerk) },
            { _ = try await sessions.addAgendaItem(id, NewAgendaItem(title: "Thêm"), as: store.clerk) },
            { _ = try await sessions.invite(id, user: "auditor", role: .guest, as: store.clerk) },
            { _ = try await sessions.checkIn(id, as: store.delegate) },
        ]
        for change in frozen {
            #expect(await thrownError { try await change() }?.code == .conflict)
        }
        #expect(try await sessions.conclusions(id, as: store.clerk).map(\.text) == [conclusion.text])

        let amended = try await sessions.editConclusion(
            id, conclusion: conclusion.id, text: "Giao Văn phòng Tỉnh ủy báo cáo", tasks: nil, amendment: "sai tên cơ quan",
            as: store.clerk)
        #expect(amended.text == "Giao Văn phòng Tỉnh ủy báo cáo")
        let amendments = try await sessions.amendments(id, as: store.auditor)
        #expect(amendments.count == 1)
        #expect(amendments[0].reason == "sai tên cơ quan")
        #expect(amendments[0].before.contains("Giao Văn phòng báo cáo"))

        _ = try await sessions.advance(id, to: .archived, as: store.clerk)
        #expect(await thrownError {
            try await sessions.editConclusion(id, conclusion: conclusion.id, text: "x", tasks: nil, amendment: "muộn", as: store.clerk)
        }?.kind == .init(.conflict, "state"))
    }

    @Test(arguments: Backend.all) func numbersRunPerTypeAndPeriodAndAFailedIssueConsumesNone(_ backend: Backend) async throws {
        let store = try await TestStore(backend, passphrase: "đúng")
        let prepared = try await store.preparedSession(open: true)
        let id = prepared.session.id
        _ = try await store.docket.sessions.addConclusion(id, NewConclusion(text: "Kết luận"), as: store.clerk)
        let first = try await store.docket.notices.issue(.conclusion, session: id, as: store.clerk)
        #expect(first.symbol == "01-TB/BCĐCĐS" && first.period == "2020-2025")

        // The same store opened with the wrong key passphrase cannot sign: the issue fails whole.
        let wrong = try Docket.open(store.docket.directory, configuration: TestStore.configuration(passphrase: "sai"))
        #expect(await thrownError {
            try await wrong.notices.issue(.conclusion, session: id, as: store.clerk)
        }?.kind == .init(.keyUnavailable, "key"))
        let second = try await store.docket.notices.issue(.conclusion, session: id, agencies: ["VPTU"], as: store.clerk)
        #expect(second.number == 2)
        let register = try await store.docket.notices.register(body: "BCĐCĐS", page: .first, as: store.auditor)
        #expect(register.items.map(\.symbol) == ["01-GM/BCĐCĐS", "01-TB/BCĐCĐS", "02-TB/BCĐCĐS"])
        let documents = try await store.docket.documents.list(DocumentFilter(), page: Page(limit: 100, offset: 0), as: store.admin)
        #expect(documents.items.filter { $0.mediaType == "text/html" }.count == 3)  // nothing left of the failed one

        // Read receipts: the delegate opens the first notice.
        _ = try await store.docket.notices.open(first.id, as: store.delegate)
        let receipts = try await store.docket.notices.receipts(first.id, as: store.clerk)
        #expect(receipts.read == 1 && receipts.unread == 1)
        let text = String(decoding: try await store.docket.documents.content(first.documentID, as: store.delegate).content.data(), as: UTF8.self)
        #expect(text.contains("01-TB/BCĐCĐS") && text.contains("Kết luận"))
    }

    @Test(arguments: Backend.all) func stateNumberingRestartsEachCalendarYearInTheOfficeTimeZone(_ backend: Backend) async throws {
        let clock = SettableClock(try Timestamp.parse("2025-12-31T16:30:00Z", field: "now"))  // 23:30 in Hà Nội
        let directory = try TemporaryDirectory()
        var configuration = TestStore.configuration()
        configuration.time = clock
        let made = try await Docket.initialize(
            DataDirectory(directory.file("data"), databaseURL: try backend.newDatabaseURL()), organisation: "UBND", configuration: configuration)
        let docket = made.docket
        _ = try await docket.sessions.createBody(NewBody(name: "Tổ công tác", code: "TCT", numbering: .state), as: made.admin)
        let session = try await docket.sessions.create(NewSession(body: "TCT", title: "Họp", startsAt: clock.now()), as: made.admin)
        _ = try await docket.sessions.invite(session.id, user: "admin", role: .chair, as: made.admin)
        let invitation = try await docket.sessions.advance(session.id, to: .scheduled, as: made.admin)
        #expect(invitation.agendaVersion == 1)
        var notices = try await docket.notices.register(body: "TCT", year: 2025, page: .first, as: made.admin)
        #expect(notices.items.map(\.symbol) == ["01-GM/TCT"])
        clock.set(try Timestamp.parse("2025-12-31T17:30:00Z", field: "now"))  // 00:30 on 1 January 2026 in Hà Nội
        _ = try await docket.notices.issue(.invitation, session: session.id, as: made.admin)
        notices = try await docket.notices.register(body: "TCT", year: 2026, page: .first, as: made.admin)
        #expect(notices.items.map { "\($0.symbol) \($0.period)" } == ["01-GM/TCT 2026"])
    }
}
