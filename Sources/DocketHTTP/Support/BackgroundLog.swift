import DocketCore
import Dispatch
import Foundation
import Logging
import Synchronization

/// The server's log, written off the request path: a request only appends its entry to a buffer;
/// a background queue formats the entries and writes them in one `write` every few milliseconds.
/// Lines look like swift-log's own: `2026-11-29T07:37:22Z info docket: key=value … message`.
public final class BackgroundLog: Sendable {
    struct Entry {
        let time: Date
        let level: Logger.Level
        let label: String
        let message: String
        let metadata: Logger.Metadata
    }

    private let pending = Mutex<[Entry]>([])
    private let queue = DispatchQueue(label: "docket.log")
    private let descriptor: Int32
    /// How long entries wait to be written together.
    static let delay = DispatchTimeInterval.milliseconds(20)

    /// A log writing to the file descriptor `descriptor` (standard output by default).
    public init(descriptor: Int32 = STDOUT_FILENO) { self.descriptor = descriptor }

    /// A `LogHandler` for `label` that writes here; give it to `LoggingSystem.bootstrap`.
    public func handler(label: String) -> some LogHandler { Handler(label: label, log: self) }

    func append(_ entry: Entry) {
        let first = pending.withLock { pending in
            pending.append(entry)
            return pending.count == 1
        }
        if first { queue.asyncAfter(deadline: .now() + Self.delay) { self.writePending() } }
    }

    /// Writes what is waiting now; the server calls it once more as it stops.
    public func flush() { queue.sync { writePending() } }

    private func writePending() {
        let entries = pending.withLock { pending in
            defer { pending = [] }
            return pending
        }
        guard !entries.isEmpty else { return }
        var text = ""
        for entry in entries { text += Self.line(entry) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }  // nowhere left to log to; the server keeps serving
            bytes = bytes.dropFirst(written)
        }
    }

    static func line(_ entry: Entry) -> String {
        var line = Timestamp.string(entry.time) + " \(entry.level) \(entry.label):"
        for key in entry.metadata.keys.sorted() { line += " \(key)=\(entry.metadata[key].map { "\($0)" } ?? "")" }
        return line + " \(entry.message)\n"
    }

    struct Handler: LogHandler {
        let label: String
        let log: BackgroundLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = event.metadata.map { metadata.merging($0) { $1 } } ?? metadata
            log.append(Entry(time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged))
        }
    }
}
