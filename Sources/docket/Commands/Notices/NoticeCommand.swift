import ArgumentParser
import DocketCore
import DocketServices
import Foundation

extension NoticeKind: ExpressibleByArgument {}

struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Numbered, signed notices: issue them, read your inbox, see who has read them.",
        subcommands: [Issue.self, Show.self, Inbox.self, Open.self])

    struct Issue: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Issue a notice for a session: invitation, agenda-change or conclusion (admin, clerk).",
            discussion: "Without --to or --agency it goes to every participant.")
        @Option(help: "Session id.") var session: String
        @Option(help: "invitation, agenda-change, conclusion.") var kind: NoticeKind
        @Option(name: .customLong("to"), help: "A recipient's username (repeatable).") var users: [String] = []
        @Option(name: .customLong("agency"), help: "Deliver to every user of this agency (repeatable).") var agencies: [String] = []
        @Option(help: "A sentence to add to the notice.") var note: String?
        @OptionGroup var paper: BackEntryOptions
        @Option(help: "With --back-entered: the date it bears, e.g. 15/03/2025.") var date: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let backEntry = try BackEntry(backEntered: paper.backEntered, number: paper.number, date: date)
            let (docket, actor) = try await store.openActing()
            let notice = try await docket.notices.issue(
                kind, session: session, users: users, agencies: agencies, note: note, backEntered: backEntry, as: actor)
            if output.json { return try Output.json(notice) }
            let verb = notice.backEntered ? "Entered back-entered" : "Issued"
            print("\(verb) \(notice.symbol): \(notice.title) (\(notice.id), document \(notice.documentID))")
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Show a notice and who has and has not read it.")
        @Argument(help: "Notice id.") var id: String
        @Option(help: "Write the proof that it was issued (JSON) here, for tools/verify-audit.py notice.") var proof: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let receipts = try await docket.notices.receipts(id, as: actor)
            if let proof { try Output.write(receipts.proof, to: proof, field: "proof") }
            if output.json { return try Output.json(receipts) }
            print("\(receipts.notice.symbol)  \(receipts.notice.title)")
            print("issued \(Timestamp.string(receipts.notice.issuedAt)); document \(receipts.notice.documentID)")
            Output.table(
                ["RECIPIENT", "READ"], receipts.recipients.map { [$0.username, $0.readAt.map { Timestamp.string($0) } ?? "not read"] })
            print("\(receipts.read) read, \(receipts.unread) not read")
            print("issued by audit event \(receipts.proof.sequence), proved into the checkpoint of \(receipts.proof.treeSize) events")
        }
    }

    struct Inbox: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "The notices delivered to you, latest first.")
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let inbox = try await docket.notices.inbox(page: paging.page(), as: actor)
            if output.json { return try Output.json(inbox) }
            Output.table(
                ["ID", "SYMBOL", "ISSUED", "READ", "TITLE"],
                inbox.items.map {
                    [$0.notice.id, $0.notice.symbol, Timestamp.string($0.notice.issuedAt), $0.readAt == nil ? "new" : "read",
                     $0.notice.title]
                })
            print("\(inbox.items.count) of \(inbox.total) notices")
        }
    }

    struct Open: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Open a notice from your inbox (records that you read it) and save its document.")
        @Argument(help: "Notice id.") var id: String
        @Option(name: .shortAndLong, help: "Write the notice's HTML here.") var output: String?
        @Option(help: "Write the proof that it was issued (JSON) here, for tools/verify-audit.py notice.") var proof: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputOptions

        func execute() async throws {
            for path in [output, proof].compactMap({ $0 }) where FileManager.default.fileExists(atPath: path) {
                throw DocketError.invalid(path == output ? "output" : "proof", "\(path) already exists")
            }
            let (docket, actor) = try await store.openActing()
            let opened = try await docket.notices.open(id, as: actor)
            if let output {
                let (_, content) = try await docket.documents.content(opened.notice.documentID, as: actor)
                try content.write(to: output)
            }
            if let proof { try Output.write(opened.proof, to: proof, field: "proof") }
            if format.json { return try Output.json(opened) }
            print("\(opened.notice.symbol)  \(opened.notice.title)")
            print("read \(opened.readAt.map { Timestamp.string($0) } ?? "")" + (output.map { "; saved to \($0)" } ?? ""))
            print("issued by audit event \(opened.proof.sequence), proved into the checkpoint of \(opened.proof.treeSize) events")
        }
    }
}
