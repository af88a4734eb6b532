import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and verify the audit log (auditor, admin).",
        subcommands: [List.self, Verify.self, Checkpoint.self, Prove.self, Consistency.self, LogKey.self])

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
            abstract: "Recompute the hash chain and name the first event that does not match; with a checkpoint, prove the log still extends it.")
        @Option(help: "A checkpoint written before by `docket audit checkpoint`.") var checkpoint: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let note = try checkpoint.map { try readNote($0) }
            let (docket, actor) = try await store.openActing()
            let result = try await docket.auditLog.verify(as: actor, against: note)
            if output.json {
                try Output.json(result)
            } else if let problem = result.problem {
                print("BROKEN at event \(result.firstBrokenSequence ?? 0): \(problem)")
            } else {
                print("Audit chain intact: \(result.eventsChecked) events" + (checkpoint == nil ? "" : "; it extends the checkpoint"))
            }
            if !result.isIntact { throw ExitCode(1) }
        }
    }

    struct Checkpoint: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Sign the log's size and Merkle root now (a C2SP signed note) and write it out.")
        @Option(name: .shortAndLong, help: "Where to write the checkpoint (default: standard output).") var output: String?
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let note = try await docket.auditLog.checkpoint(as: actor)
            guard let output else { return print(note, terminator: "") }
            try Data(note.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            print("Checkpoint written to \(output): \(note.split(separator: "\n")[1]) events")
        }
    }

    struct Prove: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Print the inclusion proof of one event (JSON), with a checkpoint of the log now.")
        @Argument(help: "The event's sequence number.") var sequence: Int64
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try Output.json(try await docket.auditLog.prove(sequence, as: actor))
        }
    }

    struct Consistency: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Print the proof (JSON) that the log now extends an older checkpoint.")
        @Option(help: "The older checkpoint.") var checkpoint: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let note = try readNote(checkpoint)
            let (docket, actor) = try await store.openActing()
            try Output.json(try await docket.auditLog.consistency(from: note, as: actor))
        }
    }

    struct LogKey: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "log-key", abstract: "Print the public key (PEM) that verifies checkpoints, for verifiers outside Docket.")
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            print(String(decoding: try await docket.auditLog.logKey(as: actor), as: UTF8.self), terminator: "")
        }
    }
}

/// A checkpoint file's text, or a clear error naming it.
private func readNote(_ path: String) throws -> String {
    String(decoding: try InputFile.read(path, field: "checkpoint"), as: UTF8.self)
}
