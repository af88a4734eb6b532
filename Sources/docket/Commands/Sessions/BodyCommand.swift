import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct BodyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body", abstract: "Bodies that meet (steering committees, party committees, working groups).",
        subcommands: [Create.self, List.self, Members.self, AddMember.self, RemoveMember.self])

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Register a body (admin, clerk).")
        @Option(help: "Full name.") var name: String
        @Option(help: "Short code used in document symbols, e.g. BCĐCĐS.") var code: String
        @Option(help: "Numbering: party (per term, the default) or state (per year).") var numbering: String?
        @Option(help: "Current committee term, e.g. 2020-2025 (required for party numbering).") var term: String?
        @Option(help: "Quorum: majority (more than half, the default) or two-thirds.") var quorum: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let new = try NewBody(name: name, code: code, numbering: numbering, term: term, quorum: quorum)
            let (docket, actor) = try await store.openActing()
            let body = try await docket.sessions.createBody(new, as: actor)
            if output.json { return try Output.json(body) }
            print("Registered \(body.code): \(body.name) (\(body.id))")
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List bodies.")
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let bodies = try await docket.sessions.bodies(page: paging.page(), as: actor)
            if output.json { return try Output.json(bodies) }
            Output.table(
                ["CODE", "NUMBERING", "TERM", "NAME"], bodies.items.map { [$0.code, $0.numbering.rawValue, $0.term, $0.name] })
            print("\(bodies.items.count) of \(bodies.total) bodies")
        }
    }
}

extension BodyCommand {
    struct Members: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "The body's roster: the members its quorum counts (admin, clerk, chair, auditor).")
        @Argument(help: "Body code or id.") var body: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try Self.show(try await docket.sessions.members(of: body, as: actor), output)
        }

        static func show(_ roster: [BodyMemberView], _ output: OutputOptions) throws {
            if output.json { return try Output.json(roster) }
            Output.table(
                ["USERNAME", "AGENCY", "SINCE"], roster.map { [$0.username, $0.agency ?? "", Timestamp.string($0.addedAt)] })
            print("\(roster.count) members; with none, the quorum counts each session's chair and members")
        }
    }

    struct AddMember: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Put a user on the body's roster (admin, clerk).")
        @Argument(help: "Body code or id.") var body: String
        @Argument(help: "Username or id.") var user: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try Members.show(try await docket.sessions.addMember(user, to: body, as: actor), output)
        }
    }

    struct RemoveMember: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Take a user off the body's roster (admin, clerk).")
        @Argument(help: "Body code or id.") var body: String
        @Argument(help: "Username or id.") var user: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try Members.show(try await docket.sessions.removeMember(user, from: body, as: actor), output)
        }
    }
}

extension SessionState: ExpressibleByArgument {}
