import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// A leader's direction that assigns work becomes a supervised task, and each names the other.
@Suite struct DirectionTaskTests {
    @Test(arguments: Backend.all) func aDirectionWithAPlanAssignsATaskLinkedBothWaysOrChangesNothing(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let records = store.docket.records
        _ = try await store.docket.agencies.create(code: "VP", name: "Văn phòng", as: store.clerk)
        _ = try await store.docket.agencies.create(code: "BTC", name: "Ban Tổ chức", as: store.clerk)
        _ = try await store.docket.users.add(NewUser(username: "phoihop", roles: [.delegate], agency: "BTC"), as: store.admin)
        _ = try await store.docket.tasks.createPlan(NewPlan(symbol: "05-KH/TU", title: "Kế hoạch chuyển đổi số"), as: store.clerk)
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        let entry = try await records.registerIncoming(
            NewIncoming(register: nil, sender: "Tỉnh ủy", senderSymbol: "7-CV/TU", summary: "Về việc số hóa tài liệu"),
            original: nil, as: store.clerk)
        _ = try await records.submit(entry.id, to: "chair", as: store.clerk)

        let undated = await thrownError {
            _ = try await records.direct(entry.id, text: "Giao Văn phòng", handler: "clerk", plan: "05-KH/TU", as: store.chair)
        }
        #expect(undated?.kind == .init(.invalidInput, "deadline"))
        let noAgency = await thrownError {
            _ = try await records.direct(
                entry.id, text: "Giao", handler: "auditor", deadline: "2030-06-30", plan: "05-KH/TU", as: store.chair)
        }
        #expect(noAgency?.kind == .init(.invalidInput, "handler"))
        #expect(try await records.entry(entry.id, as: store.auditor).entry.state == .submitted, "a refused direction changed nothing")
        #expect(try await store.docket.tasks.tasks(TaskFilter(), page: .first, as: store.auditor).total == 0)

        let directed = try await records.direct(
            entry.id, text: "Giao Văn phòng chủ trì", handler: "clerk", coordinating: ["phoihop"],
            deadline: "2030-06-30", plan: "05-KH/TU", as: store.chair)
        let taskID = try #require(directed.steps.last?.taskID)
        let task = try await store.docket.tasks.task(taskID, as: store.auditor).task
        #expect(task.entryID == entry.id && task.title == "Về việc số hóa tài liệu" && task.code == "VBĐ-\(entry.year)-1")
        #expect(task.leadAgency == "VP" && task.coordinatingAgencies == ["BTC"] && task.deadline.description == "2030-06-30")
        #expect(task.assigneeID == store.clerk.id && task.sourceSymbol == "7-CV/TU")
    }
}
