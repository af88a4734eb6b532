import Foundation

/// What an audit event records; the raw value is the `action` stored in the event.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case agencyCreate = "agency.create"
    case authLoginFailed = "auth.login-failed"
    case bodyCreate = "body.create"
    case bodyMemberAdd = "body.member-add"
    case bodyMemberRemove = "body.member-remove"
    case documentAdd = "document.add"
    case dossierAdd = "dossier.add"
    case dossierClose = "dossier.close"
    case dossierDispose = "dossier.dispose"
    case dossierOpen = "dossier.open"
    case dossierRetention = "dossier.retention"
    case dossierTransfer = "dossier.transfer"
    case filingPlanApprove = "filing-plan.approve"
    case filingPlanCreate = "filing-plan.create"
    case holdBlocked = "hold.blocked"
    case holdPlace = "hold.place"
    case holdRelease = "hold.release"
    case documentSign = "document.sign"
    case keysImport = "keys.import"
    case keysIssue = "keys.issue"
    case keysTimestamping = "keys.timestamping"
    case noticeIssue = "notice.issue"
    case noticeRead = "notice.read"
    case planCreate = "plan.create"
    case recordIncoming = "record.incoming"
    case recordOutgoing = "record.outgoing"
    case recordProcess = "record.process"
    case recordWithdraw = "record.withdraw"
    case registerCreate = "register.create"
    case registerSeriesStart = "register.series-start"
    case registerImport = "register.import"
    case sessionAgenda = "session.agenda"
    case sessionAmend = "session.amend"
    case sessionArchived = "session.archived"
    case sessionAttendance = "session.attendance"
    case sessionBridgePoint = "session.bridge-point"
    case sessionCheckIn = "session.check-in"
    case sessionCheckOut = "session.check-out"
    case sessionClosed = "session.closed"
    case sessionConclusion = "session.conclusion"
    case sessionConclusionEdit = "session.conclusion.edit"
    case sessionCreate = "session.create"
    case sessionInvite = "session.invite"
    case sessionOpen = "session.open"
    case sessionScheduled = "session.scheduled"
    case sessionUninvite = "session.uninvite"
    case storeInit = "store.init"
    case taskCreate = "task.create"
    case taskExtend = "task.extend"
    case taskImport = "task.import"
    case taskProgress = "task.progress"
    case taskStatus = "task.status"
    case taskUpdate = "task.update"
    case tokenCreate = "token.create"
    case tokenRevoke = "token.revoke"
    case userAdd = "user.add"
    case userDisable = "user.disable"

    /// The event of a session entering `state` (a session is a draft from its creation).
    public static func session(_ state: SessionState) -> AuditAction {
        switch state {
        case .draft: .sessionCreate
        case .scheduled: .sessionScheduled
        case .open: .sessionOpen
        case .closed: .sessionClosed
        case .archived: .sessionArchived
        }
    }
}
