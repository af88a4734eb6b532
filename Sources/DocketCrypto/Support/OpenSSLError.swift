import COpenSSL

/// An OpenSSL call failed; `reason` carries what OpenSSL's error queue said.
public struct OpenSSLError: Error, CustomStringConvertible, Sendable {
    /// What Docket was doing.
    public let operation: String
    /// The first reason OpenSSL queued, if any.
    public let reason: String

    init(_ operation: String) {
        self.operation = operation
        self.reason = OpenSSLError.drainQueue()
    }

    public var description: String {
        reason.isEmpty ? operation : "\(operation): \(reason)"
    }

    /// Reads and clears this thread's OpenSSL error queue, keeping the first reason.
    static func drainQueue() -> String { drainReasons().first ?? "" }

    /// Reads and clears this thread's OpenSSL error queue, oldest reason first.
    static func drainReasons() -> [String] {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { return reasons }
            if let text = ERR_reason_error_string(code) { reasons.append(String(cString: text)) }
        }
    }
}

/// Throws `OpenSSLError` unless an OpenSSL call returned 1 (or more).
@inline(__always)
func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
    if result <= 0 { throw OpenSSLError(operation()) }
}
