import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct IncomingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incoming",
        abstract: "Incoming documents: register them, and follow their processing to the answer.",
        discussion: "register → submit (to a leader) → direct (bút phê) → opinion / forward → done, or return.",
        subcommands: [
            Register.self, ShowEntry.self, Queue.self, Submit.self, Direct.self, Opinion.self, Forward.self, Done.self,
            Return.self, Overdue.self,
        ])

    struct Register: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Register an arrived document: the next arrival number, the original byte-exact in the store (admin, clerk).",
            discussion: "A second registration of the same sender's number and symbol is accepted but flagged as a likely duplicate.")
        @Argument(help: "The scanned or electronic original (or give --document).") var file: String?
        @Option(help: "A document already in the store, instead of FILE.") var document: String?
        @Option(help: "The register's code (default: the one incoming register).") var register: String?
        @Option(help: "Who sent it, e.g. \"Tỉnh ủy Hà Giang\".") var sender: String
        @Option(help: "The sender's number and symbol, e.g. 12-CV/TU.") var senderSymbol: String
        @Option(help: "The date the document bears, YYYY-MM-DD.") var senderDate: String?
        @Option(help: "The document type, e.g. CV (default: from the symbol).") var type: String?
        @Option(help: "Trích yếu: the one-line subject.") var summary: String
        @Option(help: "public, internal (default), confidential, secret or top-secret.") var classification: String?
        @Option(help: "normal (default), urgent, very-urgent or flash.") var urgency: String?
        @Option(help: "Number of pages.") var pages: Int?
        @Option(help: "When it arrived, e.g. \"10/03/2025 08:00\" in the office's time zone (default: now).") var arrivedAt: String?
        @Option(help: "The processing deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "A note for the register.") var note: String?
        @Option(help: "The stored document's title (default: the file name).") var title: String?
        @Option(help: "The detached signature (.p7s, DER) that came with it: checked, kept and recorded.") var signature: String?
        @OptionGroup var paper: BackEntryOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let signature = try signature.map { try InputFile.read($0, field: "signature") }
            let new = try NewIncoming(
                register: register, sender: sender, senderSymbol: senderSymbol, senderDate: senderDate, type: type,
                summary: summary, classification: classification, urgency: urgency, pages: pages, arrivedAt: arrivedAt,
                deadline: deadline, note: note, signature: signature, backEntered: paper.backEntered, number: paper.number,
                zone: store.timeZone)
            let original = try RecordsCLI.original(file: file, document: document, title: title)
            let (docket, actor) = try await store.openActing()
            let entry = try await docket.records.registerIncoming(new, original: original, as: actor)
            if output.json { return try Output.json(entry) }
            print(
                "Registered incoming number \(entry.number) of \(entry.year)\(entry.backEntered ? " (back-entered)" : "") (\(entry.id)): "
                    + "\(entry.senderSymbol ?? "") \(entry.summary)")
            if let check = entry.signatureCheck { print("Signature: \(check)") }
            if let duplicate = entry.duplicateOf {
                print("Warning: \(entry.sender ?? "") \(entry.senderSymbol ?? "") was registered before (\(duplicate)); a likely duplicate.")
            }
        }
    }

    struct Queue: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "The incoming documents waiting for you: to direct, to lead or to coordinate; nearest deadline first.")
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let queue = try await docket.records.queue(page: paging.page(), as: actor)
            if output.json { return try Output.json(queue) }
            Output.table(
                ["ID", "NUMBER", "DEADLINE", "STATE", "FROM", "SUMMARY"],
                queue.items.map {
                    [$0.id, "\($0.number)/\($0.year)", $0.deadline?.description ?? "", $0.state?.rawValue ?? "",
                     "\($0.sender ?? "") \($0.senderSymbol ?? "")", $0.summary]
                })
            print("\(queue.items.count) of \(queue.total) documents")
        }
    }

    struct Submit: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Submit a registered document to a leader for direction (admin, clerk).")
        @Argument(help: "Entry id.") var id: String
        @Option(name: .customLong("to"), help: "The leader's username.") var leader: String
        @Option(help: "A note for the leader.") var note: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try RecordsCLI.print(try await docket.records.submit(id, to: leader, note: note, as: actor), json: output.json)
        }
    }

    struct Direct: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Record a leader's direction (bút phê): text, lead handler, coordinating handlers, deadline (admin, chair).")
        @Argument(help: "Entry id.") var id: String
        @Option(help: "The direction's text.") var text: String
        @Option(help: "The lead handler's username.") var handler: String
        @Option(help: "A coordinating handler's username (repeatable).") var coordinating: [String] = []
        @Option(help: "The processing deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "Also assign a supervised task in this plan (symbol or id), led by the handler's agency.") var plan: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try RecordsCLI.print(
                try await docket.records.direct(
                    id, text: text, handler: handler, coordinating: coordinating, deadline: deadline, plan: plan, as: actor),
                json: output.json)
        }
    }

    struct Opinion: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Add a handler's opinion, draft note or progress.")
        @Argument(help: "Entry id.") var id: String
        @Option(help: "The opinion.") var text: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try RecordsCLI.print(try await docket.records.opinion(id, text: text, as: actor), json: output.json)
        }
    }

    struct Forward: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Hand the document on to another lead handler.")
        @Argument(help: "Entry id.") var id: String
        @Option(name: .customLong("to"), help: "The new lead handler's username.") var handler: String
        @Option(help: "Why.") var text: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try RecordsCLI.print(try await docket.records.forward(id, to: handler, text: text, as: actor), json: output.json)
        }
    }

    struct Done: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Finish the processing: with the answering outgoing document, or a note.")
        @Argument(help: "Entry id.") var id: String
        @Option(help: "The outgoing entry that answers it.") var answer: String?
        @Option(help: "How it ended.") var note: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try RecordsCLI.print(try await docket.records.finish(id, answer: answer, note: note, as: actor), json: output.json)
        }
    }

    struct Return: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Send the document back, with a reason.")
        @Argument(help: "Entry id.") var id: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try RecordsCLI.print(try await docket.records.sendBack(id, reason: reason, as: actor), json: output.json)
        }
    }

    struct Overdue: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Incoming documents past their processing deadline as of a date, by handler and unit.")
        @Option(help: "The date, YYYY-MM-DD (default: today).") var asOf: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let report = try await docket.records.overdue(asOf: asOf, as: actor)
            if output.json { return try Output.json(report) }
            Output.table(
                ["UNIT", "HANDLER", "NUMBER", "DEADLINE", "DAYS", "STATE", "SUMMARY"],
                report.records.map {
                    [$0.unit ?? "", $0.handler ?? "", "\($0.register) \($0.number)", $0.deadline.description,
                     String($0.daysOverdue), $0.state.rawValue, $0.summary]
                })
            print("\(report.records.count) overdue as of \(report.asOf)")
        }
    }
}
