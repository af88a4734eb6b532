import DocketCore
import DocketTestSupport
import Foundation
import Testing

@testable import DocketServices

/// Group commit keeps each job whole: a job that fails inside a batch leaves no trace, whether it
/// fails before its writes reached the database, after (PostgreSQL holds writes back and sends them
/// with the next read of their table), or because the database refused one of them.
@Suite struct WriteBatcherTests {
    @Test(arguments: Backend.all) func aJobThatFailsInsideABatchLeavesNoTraceAndTheOthersCommit(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let docket = store.docket
        let batcher = WriteBatcher()
        let now = Date()
        try await docket.storage.write { try $0.insert(Agency(code: "TAKEN", name: "Đã có", createdAt: now)) }
        let outcomes = await withTaskGroup(of: (Int, DocketError?).self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        try await batcher.write(docket.storage) { writer in
                            // Every fourth job (from 2) takes a code that is taken: the database refuses it.
                            let code = index % 4 == 2 ? "TAKEN" : "CQ\(index)"
                            try writer.insert(Agency(code: code, name: "Cơ quan \(index)", createdAt: now))
                            try docket.audit.record(writer, actor: "test", action: .agencyCreate, subject: code)
                            // Every fourth job fails once it has written; every fourth from 1 reads its table first.
                            if index % 4 == 1 { _ = try writer.agencies() }
                            if index % 4 < 2 { throw DocketError.invalid("code", "job \(index) fails after writing") }
                        }
                        return (index, nil)
                    } catch {
                        return (index, error as? DocketError)
                    }
                }
            }
            var outcomes: [Int: DocketError?] = [:]
            for await (index, error) in group { outcomes[index] = error }
            return outcomes
        }
        for index in 0..<40 {
            let error = outcomes[index] ?? nil
            switch index % 4 {
            case 0, 1: #expect(error?.code == .invalidInput && error?.field == "code" && error?.message.contains("job \(index)") == true)
            case 2: #expect(error?.code == .conflict && error?.field == "code" && error?.message.contains("TAKEN") == true)
            default: #expect(error == nil, "job \(index): \(String(describing: error))")
            }
        }
        let agencies = try await docket.agencies.list(as: store.admin).map(\.code)
        #expect(agencies.sorted() == (["TAKEN"] + (0..<40).filter { $0 % 4 == 3 }.map { "CQ\($0)" }).sorted())
        let events = try await docket.auditLog.list(AuditFilter(actor: "test"), page: Page(limit: 100), as: store.admin)
        #expect(events.total == 10 && Set(events.items.map(\.subject)) == Set((0..<40).filter { $0 % 4 == 3 }.map { "CQ\($0)" }))
        #expect(try await docket.auditLog.verify(as: store.admin).isIntact)
    }
}
