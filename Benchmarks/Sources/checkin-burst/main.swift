import Foundation
#if canImport(Glibc)
import Glibc
#endif

// A burst client outside the server's process: one TCP connection per delegate, every request
// sent at once, each latency measured from its own send (or connect) to the end of its response.
// Plain sockets and poll(2) on one thread, so the client costs the shared cores as little as can be.
//
// Usage: checkin-burst PORT TOKENS_FILE METHOD PATH [--connect-in-burst]
//   Without --connect-in-burst every connection is opened (and accepted) before the burst, as a
//   delegate's tablet showing the agenda already has one; with it, connecting is part of each latency.
// Prints one line: requests, statuses, wall time of the burst, p50, p99 and max latency in ms.

struct Failure: Error, CustomStringConvertible { let description: String }

let arguments = CommandLine.arguments
guard arguments.count >= 5, let port = UInt16(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: checkin-burst PORT TOKENS_FILE METHOD PATH [--connect-in-burst]\n".utf8))
    exit(2)
}
let tokens = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n").map(String.init)
let method = arguments[3], path = arguments[4]
let connectInBurst = arguments.contains("--connect-in-burst")

func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

func openSocket(blocking: Bool) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    if !blocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let status = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard status == 0 || errno == EINPROGRESS else { throw Failure(description: "connect: \(String(cString: strerror(errno)))") }
    return fd
}

/// One delegate's request and what has come back so far.
struct Exchange {
    let fd: Int32
    let request: [UInt8]
    var started: UInt64 = 0
    var sent = false
    var response: [UInt8] = []
    var finished: UInt64 = 0

    /// The status code once the whole response (headers and Content-Length bytes) is in.
    var status: Int? {
        guard let end = response.indices.dropLast(3).first(where: { response[$0...].starts(with: [13, 10, 13, 10]) }) else {
            return nil
        }
        let head = String(decoding: response[..<end], as: UTF8.self).lowercased()
        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        guard response.count >= end + 4 + length else { return nil }
        return Int(head.split(separator: " ").dropFirst().first ?? "")
    }
}

var exchanges = try tokens.map { token in
    let request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Length: 0\r\n\r\n"
    return Exchange(fd: try openSocket(blocking: !connectInBurst), request: Array(request.utf8))
}
if !connectInBurst {
    for index in exchanges.indices { _ = fcntl(exchanges[index].fd, F_SETFL, fcntl(exchanges[index].fd, F_GETFL) | O_NONBLOCK) }
    sleep(1)  // let the server accept every connection before the burst
}

let burstStart = now()
if connectInBurst {
    for index in exchanges.indices { exchanges[index].started = burstStart }
} else {
    for index in exchanges.indices {
        exchanges[index].started = now()
        let written = exchanges[index].request.withUnsafeBytes { write(exchanges[index].fd, $0.baseAddress, $0.count) }
        guard written == exchanges[index].request.count else { throw Failure(description: "short write") }
        exchanges[index].sent = true
    }
}

var statuses: [Int: Int] = [:]
var pending = Set(exchanges.indices)
var buffer = [UInt8](repeating: 0, count: 64 * 1024)
while !pending.isEmpty {
    let order = Array(pending)
    var polls = order.map { pollfd(fd: exchanges[$0].fd, events: Int16(exchanges[$0].sent ? POLLIN : POLLOUT), revents: 0) }
    guard poll(&polls, nfds_t(polls.count), 30_000) > 0 else { throw Failure(description: "no answer within 30 s") }
    for (slot, index) in order.enumerated() where polls[slot].revents != 0 {
        if !exchanges[index].sent {
            let written = exchanges[index].request.withUnsafeBytes { write(exchanges[index].fd, $0.baseAddress, $0.count) }
            guard written == exchanges[index].request.count else { throw Failure(description: "connect or write failed") }
            exchanges[index].sent = true
            continue
        }
        let count = buffer.withUnsafeMutableBytes { read(exchanges[index].fd, $0.baseAddress, $0.count) }
        guard count > 0 else { throw Failure(description: "the server closed a connection before answering") }
        exchanges[index].response += buffer[0..<count]
        if let status = exchanges[index].status {
            exchanges[index].finished = now()
            statuses[status, default: 0] += 1
            pending.remove(index)
        }
    }
}
let burstEnd = now()
exchanges.forEach { close($0.fd) }

let latencies = exchanges.map { Double($0.finished - $0.started) / 1e6 }.sorted()
func percentile(_ p: Int) -> Double { latencies[min(latencies.count - 1, latencies.count * p / 100)] }
print(
    String(
        format: "%d requests  statuses %@  burst %.0f ms  p50 %.1f ms  p99 %.1f ms  max %.1f ms",
        latencies.count, statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ","),
        Double(burstEnd - burstStart) / 1e6, percentile(50), percentile(99), latencies.last ?? 0))
