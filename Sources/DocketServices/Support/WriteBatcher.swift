import DocketCore
import Synchronization

/// Group commit: concurrent small writes (a burst of check-ins) share one write transaction
/// instead of queueing for one each. Each job still does its own checks and writes its own audit
/// event; callers hear of success only after the shared commit. If any job in a batch fails, the
/// batch rolls back and each job runs again alone, so a failure never leaves another job's half.
final class WriteBatcher: Sendable {
    private struct Job: Sendable {
        /// Runs the work in a transaction; the returned closure resumes the caller after commit.
        let perform: @Sendable (any StorageWriter) -> (failed: Bool, finish: @Sendable () -> Void)
        /// Resumes the caller with an error when the transaction itself failed.
        let fail: @Sendable (any Error) -> Void
    }

    private struct RollBack: Error {}

    private let state = Mutex<(queue: [Job], draining: Bool)>(([], false))

    /// Runs `work` in a write transaction shared with the jobs submitted at the same time.
    func write<T: Sendable>(_ storage: any Storage, _ work: @escaping @Sendable (any StorageWriter) throws -> T) async throws
        -> T
    {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                perform: { writer in
                    let result = Result { try work(writer) }
                    let failed = if case .failure = result { true } else { false }
                    return (failed, { continuation.resume(with: result) })
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
                let finishers = try await storage.write { writer in
                    let outcomes = jobs.map { $0.perform(writer) }
                    if outcomes.contains(where: \.failed) && jobs.count > 1 { throw RollBack() }
                    return outcomes.map(\.finish)
                }
                finishers.forEach { $0() }
            } catch is RollBack {
                for job in jobs { await Self.alone(job, storage) }
            } catch {
                jobs.forEach { $0.fail(error) }
            }
        }
    }

    private static func alone(_ job: Job, _ storage: any Storage) async {
        do {
            try await storage.write { job.perform($0).finish }()
        } catch {
            job.fail(error)
        }
    }
}
