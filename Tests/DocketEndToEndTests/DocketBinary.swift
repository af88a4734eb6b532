import DocketTestSupport
import Foundation
import Testing

/// The built `docket` executable, run in a temporary directory as a user would.
struct DocketBinary {
    static let path: String = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the tests run from `.build/<triple>/debug/<name>.xctest`; the binary sits beside it.
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("docket").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return "docket"
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
