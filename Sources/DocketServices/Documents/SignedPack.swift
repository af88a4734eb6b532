import DocketCore
import DocketCrypto
import DocketPack
import Foundation

/// A signed pack (a session's agenda pack, dossiers handed to the archive), ready to stream: the manifest is built and signed, the members
/// are known; `write` produces the ZIP front to back in constant memory.
public struct SignedPack: Sendable {
    enum Content: Sendable {
        case data(Data)
        case blob(path: String, size: Int64)
    }

    public let filename: String
    public let manifest: PackManifest
    let members: [(name: String, content: Content)]
    let generatedAt: Date
    let timeZone: TimeZone

    /// The archive's size in bytes, known before it is written.
    public var size: Int64 {
        ZipWriter.archiveSize(
            of: members.map { member in
                switch member.content {
                case .data(let data): (member.name, Int64(data.count))
                case .blob(_, let size): (member.name, size)
                }
            })
    }

    /// Streams the ZIP into `sink`.
    public func write(to sink: @escaping ZipWriter.Sink) async throws {
        let zip = ZipWriter(modified: generatedAt, timeZone: timeZone, sink: sink)
        do {
            for (name, content) in members {
                switch content {
                case .data(let data): try await zip.add(name, data: data)
                case .blob(let path, let size): try await zip.add(name, fileAt: path, size: size)
                }
            }
            try await zip.finish()
        } catch let error as ZipError {
            throw DocketError(.internalError, "cannot write the pack: \(error)")
        }
    }

    /// Writes the ZIP to a new file at `path`, flushed to disk. It is written under a temporary
    /// name beside `path` and linked into place only when whole, so `path` never holds half a
    /// pack, even if the process is killed; on failure nothing is left there.
    public func write(toFileAt path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DocketError.invalid("output", "\(path) already exists; name a new file")
        }
        let partial = path + ".part-\(getpid())"
        let fd = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DocketError.invalid("output", "cannot create \(partial): \(BlobStore.errnoText())")
        }
        defer { unlink(partial) }
        do {
            defer { close(fd) }
            try await write { bytes in try BlobStore.writeAll(bytes, to: fd, name: path) }
            guard fsync(fd) == 0 else { throw DocketError(.internalError, "cannot flush \(path): \(BlobStore.errnoText())") }
        }
        // link(2) refuses to replace a file that appeared meanwhile, as O_EXCL would.
        guard link(partial, path) == 0 else {
            throw DocketError.invalid("output", "cannot create \(path): \(BlobStore.errnoText()) (it must not exist)")
        }
    }
}
