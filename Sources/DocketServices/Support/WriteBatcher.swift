import DocketCore
import Synchronization

/// Group commit: concurrent small writes (a burst of check-ins) share one write transaction
/// instead of queueing for one each. Each job runs in its own savepoint, does its own checks and
/// writes its own audit event: a job that fails leaves no trace of its writes and the others
/// commit. Callers hear of success only after the shared commit. A job that arrives alone, or
/// whose shared transaction was abandoned (`BatchAbandoned`), runs in a transaction of its own.
final class WriteBatcher: Sendable {
    private struct Job: Sendable {
        /// Runs the work in its savepoint; the returned closure resumes the caller after commit.
        let perform: @Sendable (any StorageWriter) -> @Sendable () -> Void
        /// Resumes the caller with an error when the shared transaction failed.
        let fail: @Sendable (any Error) -> Void
        /// Runs the work in a transaction of its own and resumes the caller.
        let alone: @Sendable (any Storage) async -> Void
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
                fail: { continuation.resume(throwing: $0) },
                alone: { storage in
                    do { continuation.resume(returning: try await storage.write(work)) } catch { continuation.resume(throwing: error) }
                })
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
            var waiting = take()
            if waiting.count == 1 {
                // Callers resumed by the last commit are likely about to submit: let them.
                await Task.yield()
                waiting += take(stoppingWhenEmpty: false)
            }
            let jobs = waiting
            if jobs.isEmpty { return }
            if jobs.count == 1 {
                await jobs[0].alone(storage)
                continue
            }
            do {
                let finishers = try await storage.write { writer in jobs.map { $0.perform(writer) } }
                finishers.forEach { $0() }
            } catch is BatchAbandoned {
                for job in jobs { await job.alone(storage) }
            } catch {
                jobs.forEach { $0.fail(error) }
            }
        }
    }

    /// The jobs waiting; with none, draining stops unless told otherwise.
    private func take(stoppingWhenEmpty: Bool = true) -> [Job] {
        state.withLock { state in
            defer { state.queue = [] }
            if state.queue.isEmpty && stoppingWhenEmpty { state.draining = false }
            return state.queue
        }
    }
}
