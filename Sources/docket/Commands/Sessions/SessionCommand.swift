import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Sessions: create, list, show, and move through their lifecycle.",
        subcommands: [
            Create.self, List.self, Show.self, Advance.self, BridgePointAdd.self, Invite.self, Uninvite.self, CheckIn.self,
            Attend.self, Attendance.self, Agenda.self, Item.self, Conclude.self, Conclusions.self, Amendments.self, Pack.self,
        ])

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Create a draft session; it gets the body's next number.")
        @Option(help: "The body's code or id.") var body: String
        @Option(help: "Title.") var title: String
        @Option(help: "Start, e.g. \"10/03/2025 08:00\" in the office's time zone.") var startsAt: String
        @Option(help: "End (optional).") var endsAt: String?
        @Option(help: "Location (optional).") var location: String?
        @Flag(help: "Held before Docket: scheduling issues no invitation; record attendance at its real times and enter its notices with `notice issue --back-entered`.")
        var backEntered = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let new = try NewSession(
                body: body, title: title, startsAt: startsAt, endsAt: endsAt, location: location, backEntered: backEntered,
                zone: store.timeZone)
            let (docket, actor) = try await store.openActing()
            let session = try await docket.sessions.create(new, as: actor)
            if output.json { return try Output.json(session) }
            print("Created session \(session.number) of \(body): \(session.id) (draft\(session.backEntered ? ", back-entered" : ""))")
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List the sessions you may see, latest first.")
        @Option(help: "Only this body's sessions (code or id).") var body: String?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let sessions = try await docket.sessions.list(body: body, page: paging.page(), as: actor)
            if output.json { return try Output.json(sessions) }
            Output.table(
                ["ID", "NO", "STATE", "STARTS", "TITLE"],
                sessions.items.map { [$0.id, String($0.number), $0.state.rawValue, Timestamp.string($0.startsAt), $0.title] })
            print("\(sessions.items.count) of \(sessions.total) sessions")
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Show one session.")
        @Argument(help: "Session id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let session = try await docket.sessions.get(id, as: actor)
            if output.json { return try Output.json(session) }
            print("Session \(session.number): \(session.title) [\(session.state.rawValue)]")
            print("starts \(Timestamp.string(session.startsAt))" + (session.endsAt.map { ", ends \(Timestamp.string($0))" } ?? ""))
            if let location = session.location { print("at \(location)") }
        }
    }

    struct Advance: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract: "Move a session to its next state: scheduled, open, closed or archived (admin, clerk).")
        @Argument(help: "Session id.") var id: String
        @Argument(help: "The new state: scheduled, open, closed, archived.") var state: SessionState
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let session = try await docket.sessions.advance(id, to: state, as: actor)
            if output.json { return try Output.json(session) }
            print("Session \(session.id) is now \(session.state.rawValue)")
        }
    }
}
