import Foundation

/// A fresh directory under the system temp directory, removed when the value is released.
public final class TemporaryDirectory: Sendable {
    public let url: URL
    public var path: String { url.path }

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("docket-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A path inside the directory.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `data` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> String {
        let path = file(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Deterministic pseudo-random bytes, so test content is reproducible.
public func sampleBytes(_ count: Int, seed: UInt64 = 42) -> Data {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    var bytes = [UInt8](repeating: 0, count: count)
    for index in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes[index] = UInt8(truncatingIfNeeded: state >> 33)
    }
    return Data(bytes)
}

/// A file of the repository, such as `Schemas/openapi.yaml`, found from the test's own source path.
public func repositoryFile(_ relativePath: String, from sourcePath: String = #filePath) -> String {
    var directory = URL(fileURLWithPath: sourcePath).deletingLastPathComponent()
    while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
        directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent(relativePath).path
}
