import DocketCore
import DocketSeeding
import DocketServices
import Foundation

// Usage:
//   seed-records entries DATA_DIR COUNT   a new store whose register DEN holds COUNT indexed entries
//   seed-records register DATA_DIR COUNT [CLIENTS]
//                                         a new store; registers COUNT small files through the service,
//                                         CLIENTS at a time (default 1: one after another, each waiting
//                                         for the last), and prints the seconds it took
let arguments = CommandLine.arguments
guard (4...5).contains(arguments.count), let count = Int(arguments[3]), ["entries", "register"].contains(arguments[1]),
    let clients = arguments.count == 5 ? Int(arguments[4]) : 1, clients >= 1
else {
    FileHandle.standardError.write(Data("usage: seed-records entries|register DATA_DIR COUNT [CLIENTS]\n".utf8))
    exit(2)
}
let made = try await Docket.initialize(DataDirectory(arguments[2], databaseURL: ProcessInfo.processInfo.environment["DOCKET_DATABASE_URL"]), organisation: "Benchmark")
if arguments[1] == "entries" {
    try await Seeding.incomingEntries(count, in: made.docket, as: made.admin)
    print("seeded \(count) entries")
} else {
    let records = made.docket.records
    _ = try await records.createRegister(
        NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
        as: made.admin)
    let files = URL(fileURLWithPath: arguments[2]).deletingLastPathComponent().appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    var paths: [String] = []
    for index in 1...count {
        let path = files.appendingPathComponent("cv\(index).txt").path
        try Data("Công văn số \(index) về việc chuyển đổi số, bản quét nhỏ.\n".utf8).write(to: URL(fileURLWithPath: path))
        paths.append(path)
    }
    let originals = paths, admin = made.admin
    let started = Date()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for client in 0..<clients {
            group.addTask {
                for index in stride(from: client, to: count, by: clients) {
                    _ = try await records.registerIncoming(
                        NewIncoming(
                            register: "DEN", sender: "Tỉnh ủy Hà Giang", senderSymbol: "\(index + 1)-CV/TU",
                            summary: "Công văn số \(index + 1)"),
                        original: try .file(at: originals[index], title: nil), as: admin)
                }
            }
        }
        try await group.waitForAll()
    }
    print(String(format: "%.3f", Date().timeIntervalSince(started)))
}
