import DocketTestSupport
import Foundation
import Testing

/// The built `docket` executable, run in a temporary directory as a user would.
struct DocketBinary: Sendable {
    /// The `docket` built with the tests, never one found on PATH: when it is missing, running it
    /// fails and names where it was looked for.
    static let path: String = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // On Linux the tests run from `.build/<triple>/debug/<name>.xctest`; the binary sits beside it.
        var directory = testBinary.deletingLastPathComponent()
        let beside = directory.appendingPathComponent("docket").path
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("docket").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return beside
    }()

    let workspace: TemporaryDirectory
    var environment: [String: String]

    init(user: String? = "admin") throws {
        workspace = try TemporaryDirectory()
        environment = ["DOCKET_DATA_DIR": workspace.file("data")]
        if let user { environment["DOCKET_USER"] = user }
    }

    @discardableResult
    func run(_ arguments: String..., as user: String? = nil, stdin: Data? = nil, extra: [String: String] = [:]) throws
        -> CommandResult
    {
        try run(arguments, as: user, stdin: stdin, extra: extra)
    }

    @discardableResult
    func run(_ arguments: [String], as user: String? = nil, stdin: Data? = nil, extra: [String: String] = [:]) throws
        -> CommandResult
    {
        var environment = self.environment.merging(extra) { $1 }
        if let user { environment["DOCKET_USER"] = user }
        return try Command.run(Self.path, arguments, environment: environment, stdin: stdin, directory: workspace.path)
    }

    /// Runs a command that should succeed, recording an issue with its stderr when it does not.
    @discardableResult
    func ok(_ arguments: String..., as user: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CommandResult
    {
        let result = try run(arguments, as: user)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    func json(_ result: CommandResult) throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]) ?? [:]
    }
}
