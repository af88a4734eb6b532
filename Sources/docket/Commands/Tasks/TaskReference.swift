import ArgumentParser
import DocketCore
import DocketServices
import Foundation

extension TaskReportGrouping: ExpressibleByArgument {}

extension ReportFormat: ExpressibleByArgument {}

extension DeadlineBasis: ExpressibleByArgument {}

/// A task named by id, or by code with `--plan`.
struct TaskReference: ParsableArguments {
    @Argument(help: "Task id, or its code with --plan.") var task: String
    @Option(help: "The plan (id or symbol) when naming the task by code.") var plan: String?
}
