import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct FilingPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filing-plan", abstract: "Filing plans (danh mục hồ sơ): a unit's headings for a year, with retention.",
        subcommands: [Create.self, Approve.self, List.self])

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Draft a unit's filing plan for a year from a CSV of headings (admin, clerk); a later draft is the next version.",
            discussion: "The CSV's columns: code,title,retention,responsible. Retention is years (1-100) or permanent.")
        @Option(help: "The unit's agency code.") var unit: String
        @Option(help: "The year.") var year: Int
        @Option(help: "The CSV of headings.") var headings: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let data = try InputFile.read(headings, field: "headings")
            let new = try NewFilingPlan(unit: unit, year: year, csv: data)
            let (docket, actor) = try await store.openActing()
            let plan = try await docket.records.createPlan(new, as: actor)
            if output.json { return try Output.json(plan) }
            print("Drafted version \(plan.version) of the \(plan.year) filing plan of \(plan.unit) (\(plan.id)): \(plan.headings.count) headings")
        }
    }

    struct Approve: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Approve a draft filing plan (chair).")
        @Argument(help: "Plan id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let plan = try await docket.records.approvePlan(id, as: actor)
            if output.json { return try Output.json(plan) }
            print("Approved version \(plan.version) of the \(plan.year) filing plan of \(plan.unit)")
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "A unit's filing plans for a year, every version, with headings.")
        @Option(help: "The unit's agency code.") var unit: String
        @Option(help: "The year.") var year: Int
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let plans = try await docket.records.plans(unit: unit, year: year, as: actor)
            if output.json { return try Output.json(plans) }
            for plan in plans {
                print("\(plan.id)  version \(plan.version), \(plan.state.rawValue)")
                Output.table(
                    ["CODE", "TITLE", "RETENTION", "RESPONSIBLE"],
                    plan.headings.map { [$0.code, $0.title, $0.retentionYears.map { "\($0) years" } ?? "permanent", $0.responsible ?? ""] })
            }
        }
    }
}
