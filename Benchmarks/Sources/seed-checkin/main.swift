import DocketSeeding
import DocketServices
import Foundation

// Usage: seed-checkin DATA_DIR TOKENS_FILE DELEGATES SESSIONS — a new store with DELEGATES delegates
// (their tokens written to TOKENS_FILE, one per line) invited to SESSIONS open sessions, whose ids
// are printed one per line.
let arguments = CommandLine.arguments
guard arguments.count == 5, let delegates = Int(arguments[3]), let sessions = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: seed-checkin DATA_DIR TOKENS_FILE DELEGATES SESSIONS\n".utf8))
    exit(2)
}
let made = try await Docket.initialize(DataDirectory(arguments[1], databaseURL: ProcessInfo.processInfo.environment["DOCKET_DATABASE_URL"]), organisation: "Benchmark")
let tokens = try await Seeding.delegates(delegates, in: made.docket, as: made.admin)
try Data(tokens.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: arguments[2]))
for _ in 0..<sessions { print(try await Seeding.openSession(delegates: delegates, in: made.docket, as: made.admin)) }
