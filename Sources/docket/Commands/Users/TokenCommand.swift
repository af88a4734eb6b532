import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue API tokens.", subcommands: [Create.self])

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
}
