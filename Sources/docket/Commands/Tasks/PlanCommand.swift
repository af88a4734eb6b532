import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plans and programmes that group supervised tasks.",
        subcommands: [Create.self, List.self, Show.self])

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Create a plan (admin, clerk).")
        @Option(help: "Symbol of the document that issued the plan, e.g. 05-KH/TU.") var symbol: String
        @Option(help: "Title.") var title: String
        @Option(help: "What it implements, e.g. 57-NQ/TW.") var implements: String?
        @Option(help: "A numbered group: NUMBER=TITLE (repeat for more).") var groups: [String] = []
        @Option(help: "A phase: CODE=YYYY-MM-DD..YYYY-MM-DD (repeat for more).") var phases: [String] = []
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let groups = try groups.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let number = Int(parts[0].trimmingCharacters(in: .whitespaces)) else {
                    throw DocketError.invalid("groups", "write a group as NUMBER=TITLE, e.g. '1=Hoàn thiện thể chế'; got '\(text)'")
                }
                return PlanGroup(number: number, title: parts[1])
            }
            let phases = try phases.map { text -> NewPlan.RawPhase in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                let range = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
                guard range.count == 2 else {
                    throw DocketError.invalid("phases", "write a phase as CODE=START..END, e.g. 'GĐ1=2025-01-01..2025-06-30'; got '\(text)'")
                }
                return (parts[0], range[0], range[1])
            }
            let new = try NewPlan(symbol: symbol, title: title, implements: implements, groups: groups, phases: phases)
            let (docket, actor) = try await store.openActing()
            let plan = try await docket.tasks.createPlan(new, as: actor)
            if output.json { return try Output.json(plan) }
            print("Created plan \(plan.symbol) (\(plan.id)) with \(plan.groups.count) groups and \(plan.phases.count) phases")
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List plans, latest first.")
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let plans = try await docket.tasks.plans(page: paging.page(), as: actor)
            if output.json { return try Output.json(plans) }
            Output.table(["ID", "SYMBOL", "IMPLEMENTS", "TITLE"], plans.items.map { [$0.id, $0.symbol, $0.implements ?? "", $0.title] })
            print("\(plans.items.count) of \(plans.total) plans")
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Show a plan's groups and phases.")
        @Argument(help: "Plan id or symbol.") var plan: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let plan = try await docket.tasks.plan(plan, as: actor)
            if output.json { return try Output.json(plan) }
            print("\(plan.symbol)  \(plan.title)" + (plan.implements.map { " (implements \($0))" } ?? ""))
            for group in plan.groups { print("  group \(group.number): \(group.title)") }
            for phase in plan.phases { print("  phase \(phase.code): \(phase.starts) – \(phase.ends)") }
        }
    }
}
