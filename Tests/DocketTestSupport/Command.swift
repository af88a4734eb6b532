import DocketCore
import Foundation

/// The outcome of running a program.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    public let stdoutData: Data
}

/// Runs tools nobody here wrote (openssl, sqlite3, unzip) and the `docket` binary itself.
public enum Command {
    /// Runs `executable` (a path, or a name looked up on PATH) and waits for it.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
        directory: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        var merged = ProcessInfo.processInfo.environment
        for key in ["DOCKET_DATA_DIR", "DOCKET_DATABASE_URL", "DOCKET_USER", "DOCKET_KEY_PASSPHRASE"] { merged[key] = nil }
        merged.merge(environment) { $1 }
        process.environment = merged
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self), stdoutData: outData)
    }
}

extension Command {
    /// `run` on a thread of its own: a tool that runs for minutes must not hold one of the few
    /// threads that run every test's tasks, or a live server in another test starves meanwhile.
    public static func runOnOwnThread(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
        async throws -> CommandResult
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(executable, arguments, environment: environment) }) }.start()
        }
    }

    /// Runs a tool that must succeed and returns what it printed; a non-zero exit throws with its
    /// stderr, so an expectation on the output never passes because the tool failed.
    public static func output(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> String
    {
        let result = try run(executable, arguments, environment: environment)
        guard result.status == 0 else { throw ToolFailed(tool: executable, status: result.status, stderr: result.stderr) }
        return result.stdout
    }
}

/// A tool a test relies on exited non-zero.
public struct ToolFailed: Error, CustomStringConvertible {
    public let tool: String
    public let status: Int32
    public let stderr: String

    public var description: String { "\(tool) exited \(status): \(stderr)" }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// The `DocketError` that `body` throws; nil when it throws nothing or another error. Tests
/// compare its code and field: `#expect(await thrownError { … }?.code == .forbidden)`.
public func thrownError(_ body: () async throws -> Void) async -> DocketError? {
    do { try await body() } catch let error as DocketError { return error } catch {}
    return nil
}

/// The synchronous form of `thrownError`.
public func thrownError(_ body: () throws -> Void) -> DocketError? {
    do { try body() } catch let error as DocketError { return error } catch {}
    return nil
}

extension DocketError {
    /// The code and field, for comparing in one expectation: `… ?.kind == (.invalidInput, "title")`.
    public var kind: Kind { Kind(code, field) }

    /// An error's code and field.
    public struct Kind: Equatable, CustomStringConvertible {
        public let code: Code
        public let field: String?

        public init(_ code: Code, _ field: String? = nil) {
            self.code = code
            self.field = field
        }

        public var description: String { "\(code.rawValue)" + (field.map { " [\($0)]" } ?? "") }
    }
}

extension Command {
    /// The first sheet of the .xlsx at `path` as CSV (`,`, minimal quoting, CRLF), read by openpyxl:
    /// a reader nobody here wrote, to compare a downloaded workbook with the CSV of the same data.
    public static func csv(ofWorkbook path: String) throws -> String {
        try output("python3", ["-c", """
            import csv, io, sys, openpyxl
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\\r\\n")
            for row in openpyxl.load_workbook(sys.argv[1]).active.iter_rows(values_only=True):
                writer.writerow(["" if value is None else value for value in row])
            sys.stdout.write(out.getvalue())
            """, path])
    }
}
