import DocketTestSupport
import Foundation
import Testing

/// `docket serve` started for real on a free loopback port over a workspace's store, with its
/// log in a file, and curl to talk to it.
final class DocketServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: String

    init(_ docket: DocketBinary) throws {
        port = try freeLoopbackPort()
        log = docket.workspace.file("serve-\(port).log")
        FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = URL(fileURLWithPath: DocketBinary.path)
        process.arguments = ["serve", "--port", String(port)]
        process.environment = docket.environment
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = output
        process.standardError = output
        try process.run()
        for _ in 0..<200 {
            if (try? Command.run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status) == 0 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw DocketError(message: "docket serve did not answer on port \(port): \(try String(contentsOfFile: log, encoding: .utf8))")
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// What the server answered.
    struct Reply {
        let status: Int
        let body: Data
        let headers: String

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            (try JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }

        /// The `error` object's code and field.
        var error: (code: String, field: String?)? {
            guard let error = (try? json())?["error"] as? [String: Any], let code = error["code"] as? String else { return nil }
            return (code, error["field"] as? String)
        }
    }

    /// Sends a request with curl; `path` is sent as written (percent-encode it yourself).
    func request(
        _ method: String = "GET", _ path: String, token: String? = nil, json: String? = nil, file: String? = nil,
        contentType: String? = nil
    ) throws -> Reply {
        var arguments = ["-sS", "-X", method, "-D", "-", "-o", "/dev/stderr", "http://127.0.0.1:\(port)\(path)"]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        if let file { arguments += ["-H", "Content-Type: \(contentType ?? "application/octet-stream")", "--data-binary", "@\(file)"] }
        let result = try Command.run("curl", arguments)
        guard result.status == 0 else {
            throw DocketError(message: "curl \(method) \(path) failed (\(result.status)): \(result.stderr)")
        }
        let statusLine = result.stdout.split(separator: "\r\n").first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Reply(status: status, body: Data(result.stderr.utf8), headers: result.stdout)
    }

    var isRunning: Bool { process.isRunning }

    /// The first log line holding `text`; the server writes its log off the request path, so
    /// this waits up to 2 s for it.
    func logLine(containing text: String) throws -> String {
        for _ in 0..<100 {
            let log = try String(contentsOfFile: self.log, encoding: .utf8)
            if let line = log.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw DocketError(message: "no line with \(text) in the log of docket serve")
    }

    struct DocketError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
