import DocketCore
import DocketTestSupport
import Foundation
import Testing

@testable import DocketServices

/// Group commit keeps each job whole: a job that fails inside a batch leaves no trace.
@Suite struct WriteBatcherTests {
    @Test(arguments: Backend.all) func aJobThatFailsInsideABatchLeavesNoTraceAndTheOthersCommit(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let docket = store.docket
        let batcher = WriteBatcher()
        let now = Date()
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        try await batcher.write(docket.storage) { writer in
                            try writer.insert(Agency(code: "CQ\(index)", name: "Cơ quan \(index)", createdAt: now))
                            try docket.audit.record(writer, actor: "test", action: .agencyCreate, subject: "CQ\(index)")
                            // Every fourth job fails after it has written.
                            if index.isMultiple(of: 4) { throw DocketError.invalid("code", "job \(index) fails after writing") }
                        }
                        return (index, true)
                    } catch {
                        return (index, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for await (index, ok) in group { outcomes[index] = ok }
            return outcomes
        }
        #expect(outcomes.filter { !$0.value }.keys.sorted() == Array(stride(from: 0, to: 40, by: 4)))
        let agencies = try await docket.agencies.list(as: store.admin).map(\.code)
        for index in 0..<40 {
            #expect(agencies.contains("CQ\(index)") == !index.isMultiple(of: 4), "CQ\(index)")
        }
        let events = try await docket.auditLog.list(AuditFilter(actor: "test"), page: Page(limit: 100), as: store.admin)
        #expect(events.total == 30 && Set(events.items.map(\.subject)) == Set((0..<40).filter { !$0.isMultiple(of: 4) }.map { "CQ\($0)" }))
        #expect(try await docket.auditLog.verify(as: store.admin).isIntact)
    }
}
