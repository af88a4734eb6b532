@_spi(Benchmarks) import DocketServices
import DocketCore
import Foundation

// Usage: audit-tree DATA_DIR EVENTS — a new store whose audit log holds EVENTS events, then:
//   append: events a second, one event per write transaction, for 3 s (synchronous=FULL);
//   verify: the hash chain and users/sessions, events a second;
//   checkpoint: the first one, which streams every event to recompute the root;
//   prove: inclusion proofs of 1,000 random events against that checkpoint, median and p99;
//   then 100 events more: the proof of the newest, which extends the stored tree from the last
//   checkpoint, and a recomputed checkpoint, which rehashes every event.
let arguments = CommandLine.arguments
guard arguments.count == 3, let events = Int(arguments[2]), events >= 1000 else {
    FileHandle.standardError.write(Data("usage: audit-tree DATA_DIR EVENTS (at least 1000)\n".utf8))
    exit(2)
}
let made = try await Docket.initialize(DataDirectory(arguments[1]), organisation: "Benchmark")
let (docket, admin) = (made.docket, made.admin)
let details = ["title": "Kế hoạch chuyển đổi số", "classification": "internal", "size": "204800"]
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let seeded = try await seconds {
    var left = events - 3
    while left > 0 {
        let batch = min(100_000, left)
        try await docket.appendAuditEvents(count: batch, actor: admin.id, action: .documentAdd, subject: "doc-bench", details: details)
        left -= batch
    }
}
print(String(format: "seeded %d events in %.1f s (%.0f a second, 100,000 per transaction)", events, seeded, Double(events) / seeded))

var appended = 0
let appending = try await seconds {
    let until = ContinuousClock.now + .seconds(3)
    while ContinuousClock.now < until {
        try await docket.appendAuditEvents(count: 1, actor: admin.id, action: .documentAdd, subject: "doc-bench", details: details)
        appended += 1
    }
}
print(String(format: "append: %.0f events a second, one per write transaction", Double(appended) / appending))

var checked: Int64 = 0
let verifying = try await seconds {
    let result = try await docket.auditLog.verify(as: admin)
    precondition(result.isIntact, result.problem ?? "")
    checked = result.eventsChecked
}
print(String(format: "verify: %d events in %.1f s, %.0f a second", checked, verifying, Double(checked) / verifying))

let signing = try await seconds { _ = try await docket.auditLog.checkpoint(as: admin) }
print(String(format: "checkpoint: %.1f s (every event streamed and hashed)", signing))

var latencies: [Double] = []
for _ in 0..<1000 {
    let sequence = Int64.random(in: 1...Int64(events))
    var proof: InclusionProof?
    latencies.append(try await seconds { proof = try await docket.auditLog.prove(sequence, as: admin) } * 1000)
    precondition(proof?.sequence == sequence)
}
latencies.sort()
print(String(format: "prove: 1,000 random events of %d, median %.2f ms, p99 %.2f ms, max %.2f ms",
             Int(checked), latencies[500], latencies[990], latencies[999]))

try await docket.appendAuditEvents(count: 100, actor: admin.id, action: .documentAdd, subject: "doc-bench", details: details)
let newest = Int64(checked) + 100
var extendedSize = 0
let extending = try await seconds { extendedSize = try await docket.auditLog.prove(newest, as: admin).treeSize }
precondition(extendedSize >= Int(newest))
print(String(format: "prove the newest of 100 events since the checkpoint (extends it): %.1f ms", extending * 1000))
let recomputing = try await seconds { _ = try await docket.auditLog.checkpoint(as: admin) }
print(String(format: "recomputed checkpoint: %.1f s (every event rehashed)", recomputing))
