import ArgumentParser
import DocketCore
import DocketPack
import DocketServices
import Foundation

struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Dossiers (hồ sơ công việc): open, file, close, hold, dispose of, hand to the archive.",
        subcommands: [
            Open.self, Add.self, Show.self, List.self, Close.self, Retention.self, Hold.self, Release.self,
            DueForDisposal.self, Dispose.self, DueForTransfer.self, Transfer.self, Pack.self,
        ])

    struct Open: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Open a dossier under a heading of the unit's approved filing plan (admin, clerk); prints its code.")
        @Option(help: "The unit's agency code.") var unit: String
        @Option(help: "The filing plan's year.") var year: Int
        @Option(help: "The heading's code.") var heading: String
        @Option(help: "The dossier's title.") var title: String
        @Option(help: "The clerk responsible (default: you).") var clerk: String?
        @Option(help: "Who may read it: public, internal (default), confidential, secret, top-secret.") var accessLevel: String?
        @Option(help: "Its language (default vi).") var language: String?
        @Option(help: "Opened on, YYYY-MM-DD (default: today).") var openedOn: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let dossier = try await docket.records.openDossier(
                unit: unit, year: year, heading: heading, title: title, clerk: clerk, accessLevel: accessLevel, language: language,
                openedOn: openedOn, as: actor)
            if output.json { return try Output.json(dossier) }
            print("Opened dossier \(dossier.code) (\(dossier.id)): \(dossier.title)")
        }
    }

    struct Add: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "File a document in an open dossier (admin, clerk).")
        @Argument(help: "The dossier's code.") var code: String
        @Option(help: "A register entry: its original is filed.") var entry: String?
        @Option(help: "A document in the store.") var document: String?
        @Option(help: "A note.") var note: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try DossierCommand.show(
                try await docket.records.addToDossier(code, entry: entry, document: document, note: note, as: actor), json: output.json)
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "A dossier, its documents in order, and its holds.")
        @Argument(help: "The dossier's code.") var code: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try DossierCommand.show(try await docket.records.dossier(code, as: actor), json: output.json)
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Dossiers in code order.")
        @Option(help: "open, closed, transferred or disposed.") var state: String?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let dossiers = try await docket.records.dossiers(state: state, page: paging.page(), as: actor)
            if output.json { return try Output.json(dossiers) }
            Output.table(
                ["CODE", "STATE", "OPENED", "CLOSED", "RETENTION", "TITLE"],
                dossiers.items.map {
                    [$0.code, $0.state.rawValue, $0.openedOn.description, $0.closedOn?.description ?? "",
                     $0.retentionYears.map { "\($0) years" } ?? "permanent", $0.title]
                })
            print("\(dossiers.items.count) of \(dossiers.total) dossiers")
        }
    }

    struct Close: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Close a dossier: no more documents; its retention starts (admin, clerk).")
        @Argument(help: "The dossier's code.") var code: String
        @Option(help: "Closed on, YYYY-MM-DD (default: today).") var closedOn: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let dossier = try await docket.records.closeDossier(code, on: closedOn, as: actor)
            if output.json { return try Output.json(dossier) }
            print("Closed \(dossier.code) on \(dossier.closedOn?.description ?? "")")
        }
    }

    struct Retention: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Raise a dossier's retention, with a reason; it is never lowered (admin, clerk).")
        @Argument(help: "The dossier's code.") var code: String
        @Option(help: "Years, or permanent.") var to: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let dossier = try await docket.records.raiseRetention(code, to: to, reason: reason, as: actor)
            if output.json { return try Output.json(dossier) }
            print("\(dossier.code) is kept \(dossier.retentionYears.map { "\($0) years" } ?? "permanently")")
        }
    }

    struct Hold: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Put dossiers under hold: no closing out, transfer or disposal by anyone until released (admin, clerk, chair).")
        @Argument(help: "The dossiers' codes.") var codes: [String]
        @Option(help: "Why: the inspection, complaint or case.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let hold = try await docket.records.placeHold(on: codes, reason: reason, as: actor)
            if output.json { return try Output.json(hold) }
            print("Hold \(hold.id) on \(codes.joined(separator: ", "))")
        }
    }

    struct Release: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Release a hold (whoever placed it, or a chair).")
        @Argument(help: "The hold's id.") var id: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let hold = try await docket.records.releaseHold(id, reason: reason, as: actor)
            if output.json { return try Output.json(hold) }
            print("Released hold \(hold.id)")
        }
    }

    struct DueForDisposal: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "due-for-disposal", abstract: "Closed dossiers whose retention has ended as of a date.")
        @OptionGroup var due: DueOptions

        func execute() async throws {
            try await due.show { try await $0.records.dueForDisposal(asOf: $1, as: $2) }
        }
    }

    /// `--as-of` and the store, for the lists of dossiers due.
    struct DueOptions: ParsableArguments {
        @Option(help: "The date, YYYY-MM-DD (default: today).") var asOf: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func show(_ list: (Docket, String?, User) async throws -> [DueDossier]) async throws {
            let (docket, actor) = try await store.openActing()
            try DossierCommand.show(try await list(docket, asOf, actor), json: output.json)
        }
    }

    struct Dispose: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Dispose of dossiers whose retention has ended, by your decision (chair): content removed, stubs and a signed record kept.")
        @Argument(help: "The dossiers' codes.") var codes: [String]
        @Option(help: "The decision's reason.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let record = try await docket.records.dispose(codes, reason: reason, as: actor)
            if output.json { return try Output.json(record) }
            print("Disposal \(record.id): \(record.stubs.filter(\.contentDestroyed).count) documents destroyed; signed record \(record.recordDocumentID)")
        }
    }

    struct DueForTransfer: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "due-for-transfer", abstract: "Closed dossiers due to the archive within 30 days of a date, or overdue.")
        @OptionGroup var due: DueOptions

        func execute() async throws {
            try await due.show { try await $0.records.dueForTransfer(asOf: $1, as: $2) }
        }
    }

    struct Transfer: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Hand closed dossiers to the archive (admin, clerk): a signed transfer record and the signed archive pack.")
        @Argument(help: "The dossiers' codes.") var codes: [String]
        @Option(name: .shortAndLong, help: "Write the archive pack here (it must not exist).") var output: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let pack = try await docket.records.transfer(codes, as: actor)
            try await pack.write(toFileAt: output)
            print("Transferred \(codes.joined(separator: ", ")); wrote \(output) (\(pack.manifest.files.count + 2) files). "
                + "Check it with `docket pack verify \(output) --ca ROOT.pem`.")
        }
    }

    struct Pack: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Write the signed archive pack of dossiers already handed over.")
        @Argument(help: "The dossiers' codes.") var codes: [String]
        @Option(name: .shortAndLong, help: "Write the archive pack here (it must not exist).") var output: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try await docket.records.archivePack(codes, as: actor).write(toFileAt: output)
            print("Wrote \(output)")
        }
    }

    static func show(_ view: DossierView, json: Bool) throws {
        if json { return try Output.json(view) }
        let dossier = view.dossier
        Swift.print("\(dossier.code)  \(dossier.title)  [\(dossier.state.rawValue)]")
        Swift.print("retention \(dossier.retentionYears.map { "\($0) years" } ?? "permanent"); \(view.items.count) documents, "
            + "\(view.pageCount) pages" + (view.firstDate.map { ", \($0) to \(view.lastDate?.description ?? "")" } ?? ""))
        for hold in view.holds { Swift.print("under hold \(hold.id): \(hold.reason)") }
        Output.table(
            ["#", "DOCUMENT", "NUMBER", "DATE", "TITLE"],
            view.items.map {
                [String($0.position), $0.documentID + ($0.disposed ? " (disposed)" : ""), $0.symbol ?? "", $0.date?.description ?? "", $0.title]
            })
    }

    static func show(_ due: [DueDossier], json: Bool) throws {
        if json { return try Output.json(due) }
        Output.table(
            ["CODE", "CLOSED", "RETENTION", "DUE", "HOLDS", "TITLE"],
            due.map {
                [$0.code, $0.closedOn?.description ?? "", $0.retentionYears.map { "\($0) years" } ?? "permanent", $0.due.description,
                 $0.holds.joined(separator: ","), $0.title]
            })
        Swift.print("\(due.count) dossiers")
    }
}
