import DocketCore
import Foundation
import Synchronization

/// Slows password guessing per user and per client address, with back-off that doubles and is
/// capped: a user's limit stays short (at most a minute), so nobody can lock an admin out for
/// long by failing on purpose, while an address that keeps guessing waits up to 15 minutes.
/// A successful sign-in clears both. Kept in memory: a restart forgets, which only helps the owner.
final class SignInThrottle: Sendable {
    struct Rule: Sendable {
        /// Failures allowed before the first wait; each one more doubles it.
        let freeFailures: Int
        let firstWait: TimeInterval
        let longestWait: TimeInterval
    }

    static let perUser = Rule(freeFailures: 5, firstWait: 1, longestWait: 60)
    static let perAddress = Rule(freeFailures: 10, firstWait: 1, longestWait: 15 * 60)
    /// Entries idle this long are forgotten.
    static let memory: TimeInterval = 3600

    private struct Entry {
        var failures = 0
        var blockedUntil = Date.distantPast
        var lastFailure = Date.distantPast
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Throws `too_many_requests` with the seconds to wait while `user` or `address` is held back.
    func check(user: String, address: String, now: Date) throws {
        let wait = entries.withLock { entries in
            [Self.userKey(user), Self.addressKey(address)].compactMap { entries[$0]?.blockedUntil }
                .map { $0.timeIntervalSince(now) }.max() ?? 0
        }
        if wait > 0 {
            let seconds = Int(wait.rounded(.up))
            throw DocketError(
                .tooManyRequests, "too many failed sign-ins; try again in \(seconds) s", retryAfter: seconds)
        }
    }

    /// Counts a failed attempt against both.
    func failed(user: String, address: String, now: Date) {
        entries.withLock { entries in
            if entries.count > 10_000 { entries = entries.filter { now.timeIntervalSince($0.value.lastFailure) < Self.memory } }
            for (key, rule) in [(Self.userKey(user), Self.perUser), (Self.addressKey(address), Self.perAddress)] {
                var entry = entries[key] ?? Entry()
                if now.timeIntervalSince(entry.lastFailure) >= Self.memory { entry = Entry() }
                entry.failures += 1
                entry.lastFailure = now
                let over = entry.failures - rule.freeFailures
                if over >= 0 {
                    let wait = min(rule.firstWait * pow(2, Double(min(over, 30))), rule.longestWait)
                    entry.blockedUntil = now.addingTimeInterval(wait)
                }
                entries[key] = entry
            }
        }
    }

    /// Clears both after a successful sign-in.
    func succeeded(user: String, address: String) {
        entries.withLock { entries in
            entries.removeValue(forKey: Self.userKey(user))
            entries.removeValue(forKey: Self.addressKey(address))
        }
    }

    private static func userKey(_ user: String) -> String { "user " + CanonicalName.key(user) }
    private static func addressKey(_ address: String) -> String { "address " + address }
}
