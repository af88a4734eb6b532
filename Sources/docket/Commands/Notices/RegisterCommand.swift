import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "The register of numbers a body has issued.", subcommands: [List.self])

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List a body's issued numbers in order.")
        @Option(help: "The body's code or id.") var body: String
        @Option(help: "Only this calendar year.") var year: Int?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let register = try await docket.notices.register(body: body, year: year, page: paging.page(), as: actor)
            if output.json { return try Output.json(register) }
            Output.table(
                ["SYMBOL", "PERIOD", "ISSUED", "KIND", "TITLE"],
                register.items.map { [$0.symbol, $0.period, Timestamp.string($0.issuedAt), $0.kind.rawValue, $0.title] })
            print("\(register.items.count) of \(register.total) numbers")
        }
    }
}
