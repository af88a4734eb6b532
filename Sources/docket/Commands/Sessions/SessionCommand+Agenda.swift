import ArgumentParser
import DocketCore
import DocketServices
import Foundation

extension AgendaItemStatus: ExpressibleByArgument {}

extension SessionCommand {
    struct Agenda: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Show the agenda, now or at an earlier version.")
        @Argument(help: "Session id.") var id: String
        @Option(help: "An earlier version.") var version: Int?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let agenda = try await docket.sessions.agenda(id, version: version, as: actor)
            if output.json { return try Output.json(agenda) }
            print("Agenda of \(id), version \(agenda.version)")
            Output.table(
                ["NO", "STATUS", "MIN", "PRESENTER", "DOCS", "TITLE"],
                agenda.items.map {
                    [$0.number, $0.item.status.rawValue, $0.item.plannedMinutes.map(String.init) ?? "", $0.item.presenter ?? "",
                     String($0.item.documentIDs.count), $0.item.title]
                })
        }
    }

    struct Item: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, edit, move or remove agenda items (admin, clerk).", subcommands: [Add.self, Edit.self, Remove.self])

        struct Add: DocketRunnable {
            static let configuration = CommandConfiguration(abstract: "Add an agenda item.")
            @Argument(help: "Session id.") var id: String
            @Option(help: "Title.") var title: String
            @Option(help: "Who presents it.") var presenter: String?
            @Option(name: [.customLong("planned-minutes"), .customLong("minutes")], help: "Planned minutes.") var minutes: Int?
            @Option(help: "Parent item number (e.g. 1) or id, for a sub-item.") var parent: String?
            @Option(help: "Position among its siblings (default last).") var position: Int?
            @Option(name: [.customLong("documents"), .customLong("doc")], help: "Attach a document (repeat for more).") var documents: [String] = []
            @Option(name: [.customLong("amendment"), .customLong("amend")], help: "Reason, when correcting a closed session.") var amend: String?
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions

            func execute() async throws {
                let (docket, actor) = try await store.openActing()
                let agenda = try await docket.sessions.addAgendaItem(
                    id,
                    NewAgendaItem(
                        title: title, presenter: presenter, plannedMinutes: minutes, parent: parent, position: position,
                        documents: documents, amendment: amend),
                    as: actor)
                if output.json { return try Output.json(agenda) }
                print("Agenda of \(id) now has \(agenda.items.count) items (version \(agenda.version))")
            }
        }

        struct Edit: DocketRunnable {
            static let configuration = CommandConfiguration(
                abstract: "Change, move (--parent/--position) or set the status of an item.")
            @Argument(help: "Session id.") var id: String
            @Argument(help: "Item number (e.g. 1.2) or id.") var item: String
            @Option(help: "New title.") var title: String?
            @Option(help: "New presenter.") var presenter: String?
            @Option(name: [.customLong("planned-minutes"), .customLong("minutes")], help: "New planned minutes.") var minutes: Int?
            @Option(help: "pending, discussed, deferred.") var status: AgendaItemStatus?
            @Option(name: [.customLong("documents"), .customLong("doc")], help: "Replace the attached documents (repeat for more).") var documents: [String] = []
            @Flag(help: "Detach all documents.") var noDocs = false
            @Option(help: "Move under this item (\"\" for top level).") var parent: String?
            @Option(help: "Move to this position among its siblings.") var position: Int?
            @Option(name: [.customLong("amendment"), .customLong("amend")], help: "Reason, when correcting a closed session.") var amend: String?
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions

            func execute() async throws {
                let (docket, actor) = try await store.openActing()
                let agenda = try await docket.sessions.editAgendaItem(
                    id, item: item,
                    AgendaItemEdit(
                        title: title, presenter: presenter, plannedMinutes: minutes, status: status,
                        documents: noDocs ? [] : documents.isEmpty ? nil : documents, parent: parent, position: position,
                        amendment: amend),
                    as: actor)
                if output.json { return try Output.json(agenda) }
                print("Changed item \(item); agenda version \(agenda.version)")
            }
        }

        struct Remove: DocketRunnable {
            static let configuration = CommandConfiguration(abstract: "Remove an item without sub-items or conclusions.")
            @Argument(help: "Session id.") var id: String
            @Argument(help: "Item number (e.g. 1.2) or id.") var item: String
            @Option(name: [.customLong("amendment"), .customLong("amend")], help: "Reason, when correcting a closed session.") var amend: String?
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions

            func execute() async throws {
                let (docket, actor) = try await store.openActing()
                let agenda = try await docket.sessions.removeAgendaItem(id, item: item, amendment: amend, as: actor)
                if output.json { return try Output.json(agenda) }
                print("Removed item \(item); agenda version \(agenda.version)")
            }
        }
    }

    struct Conclude: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Record a conclusion and the tasks it assigns (admin, clerk).",
            discussion: "A task is \"TITLE|LEAD|COORD1,COORD2|YYYY-MM-DD\" with agency codes, e.g. \"Báo cáo|VPTU|BTC|2025-06-30\".")
        @Argument(help: "Session id.") var id: String
        @Option(help: "The conclusion's text.") var text: String
        @Option(help: "Agenda item number or id (default: the whole session).") var item: String?
        @Option(name: .customLong("task"), help: "An assigned task (repeatable).") var tasks: [String] = []
        @Option(name: [.customLong("amendment"), .customLong("amend")], help: "Reason, when correcting a closed session.") var amend: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let assigned = try tasks.enumerated().map { try Self.task($1, index: $0) }
            let (docket, actor) = try await store.openActing()
            let conclusion = try await docket.sessions.addConclusion(
                id, NewConclusion(text: text, item: item, tasks: assigned, amendment: amend), as: actor)
            if output.json { return try Output.json(conclusion) }
            print("Recorded conclusion \(conclusion.id) with \(conclusion.tasks.count) tasks")
        }

        static func task(_ text: String, index: Int) throws -> AssignedTask {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 4 else {
                throw DocketError.invalid(
                    "task", "task \(index + 1) is '\(text)'; write TITLE|LEAD|COORD1,COORD2|YYYY-MM-DD (coordinators may be empty)")
            }
            return AssignedTask(
                title: parts[0], leadAgency: parts[1],
                coordinatingAgencies: parts[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                deadline: parts[3])
        }
    }

    struct Conclusions: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List a session's conclusions and their tasks.")
        @Argument(help: "Session id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let conclusions = try await docket.sessions.conclusions(id, as: actor)
            if output.json { return try Output.json(conclusions) }
            for conclusion in conclusions {
                print("\(conclusion.id): \(conclusion.text)")
                for task in conclusion.tasks {
                    print("  - \(task.title) [lead \(task.leadAgency)"
                        + (task.coordinatingAgencies.isEmpty ? "" : ", with \(task.coordinatingAgencies.joined(separator: ", "))")
                        + ", due \(task.deadline)]")
                }
            }
            print("\(conclusions.count) conclusions")
        }
    }
}
