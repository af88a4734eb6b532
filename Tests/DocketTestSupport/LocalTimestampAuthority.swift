import DocketCore
import Foundation

/// A real RFC 3161 time-stamping authority on a loopback port: `openssl ts -reply` behind a small
/// Python HTTP responder, with its own root CA and a signing certificate for time-stamping only.
public final class LocalTimestampAuthority: @unchecked Sendable {
    public let directory: TemporaryDirectory
    /// The root its tokens chain to (PEM).
    public var rootPEM: String { directory.file("tsa-root.pem") }
    public private(set) var url = ""
    private let process = Process()

    /// Answers each POSTed query with `openssl ts -reply`; prints its port once listening.
    static let responder = #"""
        import http.server, os, subprocess, sys, tempfile
        config = sys.argv[1]
        class Reply(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                query = self.rfile.read(int(self.headers["Content-Length"]))
                with tempfile.TemporaryDirectory() as work:
                    paths = os.path.join(work, "q.tsq"), os.path.join(work, "r.tsr")
                    open(paths[0], "wb").write(query)
                    made = subprocess.run(["openssl", "ts", "-reply", "-config", config, "-queryfile", paths[0], "-out", paths[1]], capture_output=True)
                    reply = open(paths[1], "rb").read() if made.returncode == 0 else b""
                self.send_response(200 if reply else 500)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Reply)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    public init() throws {
        directory = try TemporaryDirectory()
        let dir = directory.path
        try Data("""
            [ tsa ]
            default_tsa = local
            [ local ]
            serial = \(dir)/serial
            crypto_device = builtin
            signer_cert = \(dir)/tsa.pem
            signer_key = \(dir)/tsa.key
            signer_digest = sha256
            default_policy = 1.3.6.1.4.1.99999.1
            digests = sha256
            accuracy = secs:1
            ordering = yes
            tsa_name = yes
            ess_cert_id_alg = sha256
            [ tsa_ext ]
            basicConstraints = critical, CA:false
            keyUsage = critical, digitalSignature
            extendedKeyUsage = critical, timeStamping

            """.utf8).write(to: URL(fileURLWithPath: directory.file("tsa.cnf")))
        try Data("01\n".utf8).write(to: URL(fileURLWithPath: directory.file("serial")))
        _ = try Command.output("openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "30",
            "-subj", "/CN=Local Test TSA Root", "-keyout", directory.file("tsa-root.key"), "-out", rootPEM,
        ])
        _ = try Command.output("openssl", [
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-subj", "/CN=Local Test TSA", "-keyout", directory.file("tsa.key"), "-out", directory.file("tsa.csr"),
        ])
        _ = try Command.output("openssl", [
            "x509", "-req", "-in", directory.file("tsa.csr"), "-CA", rootPEM, "-CAkey", directory.file("tsa-root.key"),
            "-CAcreateserial", "-days", "30", "-extfile", directory.file("tsa.cnf"), "-extensions", "tsa_ext",
            "-out", directory.file("tsa.pem"),
        ])
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.responder, directory.file("tsa.cnf")]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableDataLine(), as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            stop()
            throw DocketError(.internalError, "the local time-stamping authority did not start: \(line)")
        }
        url = "http://127.0.0.1:\(port)/tsr"
    }

    /// Stops answering, as an authority that is down.
    public func stop() {
        guard process.isRunning else { return }
        // SIGKILL: a child of the test process inherits its blocked signals, SIGTERM among them.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}

extension FileHandle {
    /// Bytes up to the first newline (or the end), read one at a time so nothing after it is taken.
    fileprivate func availableDataLine() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { return line }
            line.append(byte)
        }
    }
}
