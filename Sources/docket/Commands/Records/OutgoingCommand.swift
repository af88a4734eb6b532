import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct OutgoingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outgoing", abstract: "Documents the office issues: number them NN-TYPE/ISSUER, withdraw them.",
        subcommands: [Register.self, ShowEntry.self, Withdraw.self])

    struct Register: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Register an issued document: the next number of its series, never reused or skipped (admin, clerk).")
        @Argument(help: "The signed document (or give --document).") var file: String?
        @Option(help: "A document already in the store, instead of FILE.") var document: String?
        @Option(help: "The register's code (default: the one outgoing register).") var register: String?
        @Option(help: "The document type: NQ, QĐ, CT, KL, TB, HD, BC, KH, CV, …") var type: String
        @Option(help: "Trích yếu: the one-line subject.") var summary: String
        @Option(help: "The date it bears, e.g. 31/03/2025 (default: today).") var date: String?
        @Option(help: "Who signs it.") var signer: String?
        @Option(name: .customLong("recipient"), help: "Nơi nhận, one each (repeatable).") var recipients: [String] = []
        @Option(help: "The unit or person keeping the file copy.") var keptBy: String?
        @Option(help: "Number of copies.") var copies: Int?
        @Option(help: "public, internal (default), confidential, secret or top-secret.") var classification: String?
        @Option(help: "normal (default), urgent, very-urgent or flash.") var urgency: String?
        @Option(help: "Number of pages.") var pages: Int?
        @Option(help: "The incoming entry it answers.") var answers: String?
        @Option(help: "A note for the register.") var note: String?
        @Option(help: "The stored document's title (default: the file name).") var title: String?
        @OptionGroup var paper: BackEntryOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let new = try NewOutgoing(
                register: register, type: type, summary: summary, date: date, signer: signer, recipients: recipients,
                keptBy: keptBy, copies: copies, classification: classification, urgency: urgency, pages: pages,
                answers: answers, note: note, backEntered: paper.backEntered, number: paper.number)
            let original = try RecordsCLI.original(file: file, document: document, title: title)
            let (docket, actor) = try await store.openActing()
            let entry = try await docket.records.registerOutgoing(new, original: original, as: actor)
            if output.json { return try Output.json(entry) }
            print("Registered \(entry.symbol)\(entry.backEntered ? " (back-entered)" : "") (\(entry.id)): \(entry.summary)")
        }
    }

    struct Withdraw: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Mark an issued document withdrawn, with a reason; it keeps its number (admin, clerk).")
        @Argument(help: "Entry id.") var id: String
        @Option(help: "Why it is withdrawn.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let entry = try await docket.records.withdraw(id, reason: reason, as: actor)
            if output.json { return try Output.json(entry) }
            print("Withdrew \(entry.symbol): \(entry.withdrawReason ?? "")")
        }
    }
}
