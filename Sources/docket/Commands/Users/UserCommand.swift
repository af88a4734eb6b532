import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users (admin).",
        subcommands: [Add.self, List.self, Disable.self])
}

extension UserCommand {
    struct Add: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Add a user.")
        @Argument(help: "User name (letters, digits, '.', '_', '-').") var name: String
        @Option(help: "Roles, comma separated: admin, clerk, chair, delegate, auditor.") var roles: String
        @Option(help: "The agency (unit) the user belongs to.") var agency: String?
        @Option(help: "Highest classification the user may read (default internal).") var clearance: String?
        @Flag(help: "Read a password from standard input (first line).") var passwordStdin = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let password = passwordStdin ? readLine(strippingNewline: true) ?? "" : nil
            let (docket, actor) = try await store.openActing()
            let user = try await docket.users.add(
                NewUser(username: name, roles: [roles], agency: agency, clearance: clearance, password: password), as: actor)
            if output.json { try Output.json(user) } else { print("Added user \(user.username) (\(user.id))") }
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var paging: PageOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let users = try await docket.users.list(page: paging.page(), as: actor)
            if output.json { return try Output.json(users) }
            Output.table(
                ["USER", "ROLES", "AGENCY", "CLEARANCE", "STATUS"],
                users.items.map {
                    [$0.username, $0.roles.map(\.rawValue).joined(separator: ","), $0.agency ?? "-",
                     $0.clearance.rawValue, $0.disabled ? "disabled" : "active"]
                })
            print("\(users.items.count) of \(users.total) users")
        }
    }

    struct Disable: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Disable a user; their tokens stop working.")
        @Argument(help: "User name.") var name: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let user = try await docket.users.disable(name, as: actor)
            if output.json { try Output.json(user) } else { print("Disabled \(user.username)") }
        }
    }
}
