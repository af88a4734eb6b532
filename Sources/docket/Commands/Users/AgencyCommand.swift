import ArgumentParser
import DocketCore
import DocketServices

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "Agencies (units) users belong to and tasks are assigned to.",
        subcommands: [Create.self, List.self])

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Register an agency (admin, clerk).")
        @Option(help: "Short code, e.g. VPTU.") var code: String
        @Option(help: "Full name.") var name: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let agency = try await docket.agencies.create(code: code, name: name, as: actor)
            if output.json { return try Output.json(agency) }
            print("Registered agency \(agency.code): \(agency.name)")
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List agencies.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let agencies = try await docket.agencies.list(as: actor)
            if output.json { return try Output.json(agencies) }
            Output.table(["CODE", "NAME"], agencies.map { [$0.code, $0.name] })
        }
    }
}
