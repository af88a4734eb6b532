import DocketCore
import Synchronization

/// Group commit: concurrent small writes (a burst of check-ins) share one write transaction
/// instead of queueing for one each. Each job runs in its own savepoint, does its own checks and
/// writes its own audit event: a job that fails leaves no trace of its writes and the others
/// commit. Callers hear of success only after the shared commit.
final class WriteBatcher: Sendable {
    private struct Job: Sendable {
        /// Runs the work in its savepoint; the returned closure resumes the caller after commit.
        let perform: @Sendable (any StorageWriter) -> @Sendable () -> Void
        /// Resumes the caller with an error when the transaction itself failed.
        let fail: @Sendable (any Error) -> Void
    }

    private let state = Mutex<(queue: [Job], draining: Bool)>(([], false))

    /// Runs `work` in a write transaction shared with the jobs submitted at the same time.
    func write<T: Sendable>(_ storage: any Storage, _ work: @escaping @Sendable (any StorageWriter) throws -> T) async throws
        -> T
    {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                perform: { writer in
                    let result = Result { try writer.savepoint { try work(writer) } }
                    return { continuation.resume(with: result) }
                },
                fail: { continuation.resume(throwing: $0) })
            let start = state.withLock { state in
                state.queue.append(job)
                defer { state.draining = true }
                return !state.draining
            }
            if start { Task { await drain(storage) } }
        }
    }

    private func drain(_ storage: any Storage) async {
        while true {
            let jobs = state.withLock { state in
                defer { state.queue = [] }
                if state.queue.isEmpty { state.draining = false }
                return state.queue
            }
            if jobs.isEmpty { return }
            do {
                let finishers = try await storage.write { writer in jobs.map { $0.perform(writer) } }
                finishers.forEach { $0() }
            } catch {
                jobs.forEach { $0.fail(error) }
            }
        }
    }
}
