import DocketCore
import DocketSeeding
import DocketServices
import Foundation

// Usage:
//   seed-records entries DATA_DIR COUNT   a new store whose register DEN holds COUNT indexed entries
//   seed-records register DATA_DIR COUNT  a new store; registers COUNT small files one by one through
//                                         the service and prints the seconds it took
let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]), ["entries", "register"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: seed-records entries|register DATA_DIR COUNT\n".utf8))
    exit(2)
}
let made = try await Docket.initialize(DataDirectory(arguments[2]), organisation: "Benchmark")
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
    let started = Date()
    for (index, path) in paths.enumerated() {
        _ = try await records.registerIncoming(
            NewIncoming(register: "DEN", sender: "Tỉnh ủy Hà Giang", senderSymbol: "\(index + 1)-CV/TU", summary: "Công văn số \(index + 1)"),
            original: try .file(at: path, title: nil), as: made.admin)
    }
    print(String(format: "%.3f", Date().timeIntervalSince(started)))
}
