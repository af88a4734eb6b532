import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, list and revoke API tokens.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Issue a bearer token for a user; it is printed once and only its hash is kept.")
        @Argument(help: "User name.") var name: String
        @Option(help: "Days until the token expires (default and most: 30 for admins and auditors, 90 for clerks and chairs, 180 for delegates).")
        var expiresInDays: Int?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let token = try await docket.users.createToken(for: name, expiresInDays: expiresInDays, as: actor)
            if output.json { try Output.json(token) } else { print(token.token) }
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "A user's tokens, newest first (yours, or anyone's for an admin).")
        @Argument(help: "User name.") var name: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let tokens = try await docket.users.tokens(of: name, as: actor)
            if output.json { return try Output.json(tokens) }
            Output.table(
                ["ID", "CREATED", "EXPIRES", "STATE"],
                tokens.map {
                    [$0.id, Timestamp.string($0.createdAt), $0.expiresAt.map(Timestamp.string) ?? "",
                     $0.revokedAt.map { "revoked \(Timestamp.string($0))" } ?? ($0.active ? "active" : "expired")]
                })
        }
    }

    struct Revoke: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token: it stops working at once, in the server too (your own, or anyone's for an admin).")
        @Argument(help: "Token id (from `docket token list`).") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let token = try await docket.users.revokeToken(id, as: actor)
            if output.json { return try Output.json(token) }
            print("Revoked \(token.id)")
        }
    }
}
