import ArgumentParser
import DocketCore
import DocketServices

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and verify the audit log (auditor, admin).",
        subcommands: [List.self, Verify.self])

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List audit events in order.")
        @Option(help: "Only events about this subject (an id).") var subject: String?
        @Option(help: "Only events at or after this time (e.g. 2025-03-10 or 2025-03-10T08:00:00Z).") var since: String?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let sinceDate = try since.map { try Timestamp.parse($0, field: "since") }
            let (docket, actor) = try await store.openActing()
            let events = try await docket.auditLog.list(
                AuditFilter(subject: subject, since: sinceDate), page: paging.page(), as: actor)
            if output.json { return try Output.json(events) }
            Output.table(
                ["SEQ", "TIME", "ACTOR", "ACTION", "SUBJECT", "DETAILS"],
                events.items.map {
                    [String($0.sequence), Timestamp.string($0.time), $0.actor, $0.action, $0.subject, $0.details]
                })
            print("\(events.items.count) of \(events.total) events")
        }
    }

    struct Verify: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the hash chain; name the first event that does not match.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let result = try await docket.auditLog.verify(as: actor)
            if output.json {
                try Output.json(result)
            } else if let problem = result.problem {
                print("BROKEN at event \(result.firstBrokenSequence ?? 0): \(problem)")
            } else {
                print("Audit chain intact: \(result.eventsChecked) events")
            }
            if !result.isIntact { throw ExitCode(1) }
        }
    }
}
