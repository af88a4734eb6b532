import DocketServices
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress report on stderr, shown only when stderr is a terminal.
final class Progress {
    private let total: Int64
    private var lastPercent = -1

    private init(total: Int64) { self.total = total }

    /// A progress line for reading the file at `path`, or nil when stderr is not a terminal or the
    /// file is small or of unknown size.
    static func onTerminal(forFileAt path: String) -> Progress? {
        guard isatty(STDERR_FILENO) == 1,
            let total = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64, total > 64 << 20
        else { return nil }
        return Progress(total: total)
    }

    func update(_ done: Int64) {
        let percent = Int(done * 100 / max(total, 1))
        guard percent != lastPercent else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\rStoring… \(percent)% of \(ByteCount.format(total))".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
