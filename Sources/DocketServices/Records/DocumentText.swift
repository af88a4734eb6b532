import DocketCore
import Foundation

/// The words of a stored document for the full-text index: text and HTML as they are, PDF through
/// `pdftotext` (poppler-utils). Without `pdftotext` a PDF is indexed by its metadata only.
enum DocumentText {
    /// At most this many bytes of a document's text are indexed.
    static let limit = 1 << 20

    /// The text of the content, or nil when its type holds none Docket can read.
    static func extract(_ content: BlobContent, mediaType: String) -> String? {
        let type = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "text/html", "application/xhtml+xml":
            return read(content).map(HTML.text(of:))
        case _ where type.hasPrefix("text/"):
            return read(content)
        case "application/pdf":
            return pdfText(content)
        default:
            return nil
        }
    }

    /// The first `limit` bytes, as UTF-8 (invalid bytes replaced).
    private static func read(_ content: BlobContent) -> String? {
        switch content {
        case .bytes(let data):
            return String(decoding: data.prefix(limit), as: UTF8.self)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            guard let data = try? handle.read(upToCount: limit) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `pdftotext`'s text of the PDF, or nil when the tool is missing or fails. Small content is
    /// handed over in a temporary file: the tool needs to seek in its input.
    private static func pdfText(_ content: BlobContent) -> String? {
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let path: String
        switch content {
        case .file(let stored):
            path = stored
        case .bytes(let data):
            path = NSTemporaryDirectory() + "docket-pdf-" + UUID().uuidString
            // Readable by this user only: the content may be classified.
            guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else { return nil }
        }
        defer { if case .bytes = content { unlink(path) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-q", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Read while it writes, so a long text never fills the pipe; keep the first `limit` bytes.
        var text = Data()
        while let chunk = try? output.fileHandleForReading.read(upToCount: 64 << 10), !chunk.isEmpty {
            if text.count < limit { text.append(chunk.prefix(limit - text.count)) }
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: text, as: UTF8.self) : nil
    }
}
