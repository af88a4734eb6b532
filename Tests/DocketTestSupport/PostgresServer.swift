import Foundation
import Synchronization

/// A real PostgreSQL server the tests start for themselves: `initdb` into a temporary directory
/// and `pg_ctl start` on a free loopback port, as an unprivileged user (the `postgres` account
/// when the tests run as root, since `initdb` refuses root). Started once per test process,
/// stopped and removed when the process exits. Each test store gets a database of its own.
public final class PostgresServer: Sendable {
    public let port: Int
    let bin: String
    let directory: String
    private let databases = Atomic<Int>(0)

    /// The server, or why there is none (no PostgreSQL binaries on this machine).
    public static let shared: Result<PostgresServer, PostgresUnavailable> = {
        do {
            let server = try PostgresServer()
            running.withLock { $0 = server }
            atexit { PostgresServer.running.withLock { $0?.stop() } }
            return .success(server)
        } catch let error as PostgresUnavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresUnavailable(reason: "\(error)"))
        }
    }()

    private static let running = Mutex<PostgresServer?>(nil)

    /// The directory of `initdb`, `pg_ctl` and `psql`: Debian's newest installed version, or `pg_config`'s.
    public static func binaries() -> String? {
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in installed.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = "/usr/lib/postgresql/\(version)/bin"
            if FileManager.default.isExecutableFile(atPath: bin + "/initdb") { return bin }
        }
        if let result = try? Command.run("pg_config", ["--bindir"]), result.status == 0 {
            let bin = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            if FileManager.default.isExecutableFile(atPath: bin + "/initdb") { return bin }
        }
        return nil
    }

    private init() throws {
        guard let bin = Self.binaries() else {
            throw PostgresUnavailable(
                reason: "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or from pg_config; "
                    + "install Debian's postgresql-15 (bash .ci/run does)")
        }
        self.bin = bin
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docket-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = try freeLoopbackPort()
        let asRoot = geteuid() == 0
        if asRoot { try Self.check(Command.run("chown", ["postgres:postgres", directory]), "chown") }
        func asServer(_ tool: String, _ arguments: [String]) throws -> CommandResult {
            asRoot ? try Self.detached("/usr/sbin/runuser", ["-u", "postgres", "--", "\(bin)/\(tool)"] + arguments)
                : try Self.detached("\(bin)/\(tool)", arguments)
        }
        let data = directory + "/data"
        try Self.check(
            asServer("initdb", ["-D", data, "-A", "trust", "-U", "docket", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]), "initdb")
        // Durability off: these servers hold test data only (the benchmarks start their own, durable).
        try Self.check(
            asServer(
                "pg_ctl",
                [
                    "-D", data, "-l", directory + "/server.log", "-w", "-t", "60", "-o",
                    "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                        + "-c full_page_writes=off -c max_connections=300",
                    "start",
                ]), "pg_ctl start")
        stopCommand = asRoot
            ? ["/usr/sbin/runuser", "-u", "postgres", "--", "\(bin)/pg_ctl", "-D", data, "-m", "immediate", "stop"]
            : ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "stop"]
    }

    private let stopCommand: [String]

    func stop() {
        _ = try? Self.detached(stopCommand[0], Array(stopCommand.dropFirst()))
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A new, empty database; its URL.
    public func createDatabase() throws -> String {
        let name = "docket_\(getpid())_\(databases.add(1, ordering: .relaxed).newValue)"
        try Self.check(psql("postgres", "CREATE DATABASE \(name)"), "CREATE DATABASE")
        return url(name)
    }

    public func url(_ database: String) -> String { "postgres://docket@127.0.0.1:\(port)/\(database)" }

    /// Runs `sql` with `psql` in `database`; its result, unformatted.
    public func psql(_ database: String, _ sql: String) throws -> CommandResult {
        try Command.run("\(bin)/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", "docket", "-d", database, "-c", sql])
    }

    /// Runs a tool whose children may outlive it (the server `pg_ctl` starts keeps any pipe it
    /// inherits open), with its output in a file rather than a pipe, through posix_spawn and
    /// waitpid: Foundation's Process did not see pg_ctl end from inside a static initializer.
    private static func detached(_ executable: String, _ arguments: [String]) throws -> CommandResult {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("docket-pg-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw PostgresUnavailable(reason: "cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CommandResult(status: exitStatus, stdout: text, stderr: text, stdoutData: Data(text.utf8))
    }

    private static func check(_ result: CommandResult, _ what: String) throws {
        guard result.status == 0 else { throw PostgresUnavailable(reason: "\(what) failed (\(result.status)): \(result.stderr)") }
    }
}

public struct PostgresUnavailable: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}

/// The storage backends the conformance suite runs every storage test on.
public enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// SQLite always; PostgreSQL when its binaries are here, else a loud note that it was skipped and why.
    public static let all: [Backend] = {
        switch PostgresServer.shared {
        case .success: return [.sqlite, .postgres]
        case .failure(let unavailable):
            let banner = String(repeating: "!", count: 78)
            FileHandle.standardError.write(
                Data("\n\(banner)\nSKIPPED: the PostgreSQL half of the conformance suite: \(unavailable.reason)\n\(banner)\n\n".utf8))
            return [.sqlite]
        }
    }()

    /// A new database for one test store: nil for SQLite (the file in the data directory).
    public func newDatabaseURL() throws -> String? {
        switch self {
        case .sqlite: return nil
        case .postgres: return try PostgresServer.shared.get().createDatabase()
        }
    }
}
