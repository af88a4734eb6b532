import DocketCore
import DocketServices
import Foundation
import Synchronization

/// A session's attendance counts for the pages that poll them: computed at most once every two
/// seconds per session however many delegates ask, so a room of 2,000 tablets polling costs one
/// attendance report, not 2,000. Who may see them is checked on every request, before the cache.
final class LiveQuorum: Sendable {
    struct Counts: Sendable {
        let present: Int
        let entitled: Int
        let entitledPresent: Int
        let quorum: Bool
        let rule: String

        init(_ report: AttendanceReport) {
            present = report.participants.filter(\.isInRoom).count
            entitled = report.entitled
            entitledPresent = report.entitledPresent
            quorum = report.quorum
            rule = VietnameseLabels.quorumRule(report.quorumRule)
        }
    }

    static let freshFor: TimeInterval = 2
    private let cache = Mutex<[String: (at: Date, counts: Counts)]>([:])

    /// The counts of `sessionID` as `user` may see them; not found when the session is not theirs.
    func counts(_ sessionID: String, as user: User, docket: Docket) async throws -> Counts {
        _ = try await docket.sessions.get(sessionID, as: user)
        return try await shared(sessionID, as: user, docket: docket)
    }

    /// The counts of a session the caller has already found `user` may see.
    func shared(_ sessionID: String, as user: User, docket: Docket) async throws -> Counts {
        let now = Date()
        if let kept = cache.withLock({ $0[sessionID] }), now.timeIntervalSince(kept.at) < Self.freshFor { return kept.counts }
        let counts = Counts(try await docket.sessions.attendance(sessionID, as: user))
        cache.withLock { cache in
            cache = cache.filter { now.timeIntervalSince($0.value.at) < Self.freshFor }
            cache[sessionID] = (now, counts)
        }
        return counts
    }

    /// Forgets a session's counts once they changed here (a check-in), so its page shows the change at once.
    func changed(_ sessionID: String) {
        _ = cache.withLock { $0.removeValue(forKey: sessionID) }
    }
}
