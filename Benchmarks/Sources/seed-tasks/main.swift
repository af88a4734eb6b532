import DocketSeeding
import DocketServices
import Foundation

// Usage: seed-tasks DATA_DIR — a new store with 10 plans × 10,000 tasks, 50 agencies, ~300,000 events.
guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: seed-tasks DATA_DIR\n".utf8))
    exit(2)
}
let made = try await Docket.initialize(DataDirectory(CommandLine.arguments[1]), organisation: "Benchmark")
try await Seeding.tasks(plans: 10, agencies: 50, tasksPerPlan: 10_000, in: made.docket)
print("seeded \(CommandLine.arguments[1])")
