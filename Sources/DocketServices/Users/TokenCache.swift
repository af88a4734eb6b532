import Foundation
import Synchronization

/// Who each recently seen token belongs to, keyed by the token's SHA-256 (never the token), so a
/// request checks its token without a database lookup.
///
/// The entries belong to one value of the store's auth generation, a counter that triggers raise
/// on every change to a user or a token, whichever process makes it. A read of the counter is
/// trusted for `freshFor`; the next request after that reads it again (one read, however many
/// requests wait for it) and the entries go when it moved. So a revocation from another process
/// (the CLI beside a running server) takes effect within `freshFor`. A change made through this
/// process's services calls `forget()` once it has committed: it counts from the very next request.
final class TokenCache: Sendable {
    /// The generation a caller saw, and the epoch of the cache: `forget()` starts a new epoch, so
    /// what was read before it is never kept after it.
    struct Stamp: Equatable {
        let generation: Int64
        let epoch: Int
    }

    private struct State {
        var stamp: Stamp?
        var checkedAt = ContinuousClock.now
        var checking: Task<Stamp, any Error>?
        var epoch = 0
        var entries: [String: Authenticated] = [:]
    }

    /// How long a read of the auth generation is trusted.
    static let freshFor: Duration = .milliseconds(250)
    /// Past this many entries the cache starts over rather than grow without bound.
    static let capacity = 50_000

    private let state = Mutex(State())

    /// The current stamp: the last read of the generation while it is fresh, otherwise a new read
    /// shared by every request that arrives while it runs.
    func stamp(reading read: @escaping @Sendable () async throws -> Int64) async throws -> Stamp {
        enum Next { case ready(Stamp), wait(Task<Stamp, any Error>) }
        let next: Next = state.withLock { state in
            if let stamp = state.stamp, ContinuousClock.now - state.checkedAt < Self.freshFor { return .ready(stamp) }
            if let checking = state.checking { return .wait(checking) }
            let epoch = state.epoch
            let started = ContinuousClock.now
            let checking = Task {
                do {
                    return self.observe(try await read(), epoch: epoch, startedAt: started)
                } catch {
                    self.state.withLock { if $0.epoch == epoch { $0.checking = nil } }
                    throw error
                }
            }
            state.checking = checking
            return .wait(checking)
        }
        switch next {
        case .ready(let stamp): return stamp
        case .wait(let checking): return try await checking.value
        }
    }

    /// The grant cached for `hash` under `stamp`.
    func grant(for hash: String, at stamp: Stamp) -> Authenticated? {
        state.withLock { $0.stamp == stamp ? $0.entries[hash] : nil }
    }

    /// Keeps a grant resolved after `stamp` was read, unless the cache has moved on since.
    func keep(_ grant: Authenticated, for hash: String, at stamp: Stamp) {
        state.withLock { state in
            guard state.stamp == stamp else { return }
            if state.entries.count >= Self.capacity { state.entries = [:] }
            state.entries[hash] = grant
        }
    }

    /// Drops everything: this process has just committed a change to a user or a token.
    func forget() {
        state.withLock { state in
            state.entries = [:]
            state.stamp = nil
            state.checking = nil
            state.epoch += 1
        }
    }

    private func observe(_ generation: Int64, epoch: Int, startedAt: ContinuousClock.Instant) -> Stamp {
        state.withLock { state in
            let stamp = Stamp(generation: generation, epoch: epoch)
            // After forget() this read may predate the change: its stamp then matches nothing.
            guard state.epoch == epoch else { return stamp }
            if state.stamp?.generation != generation { state.entries = [:] }
            state.stamp = stamp
            state.checkedAt = startedAt
            state.checking = nil
            return stamp
        }
    }
}
