import DocketCore
import DocketServices
import Foundation

extension TestStore {
    /// What `preparedSession` made.
    public struct PreparedSession: Sendable {
        public let session: Session
        /// Internal and signed: every participant may read it.
        public let openDocument: Document
        /// Secret: above the delegate's clearance.
        public let secretDocument: Document
    }

    /// Body `BCĐCĐS` (party numbering), agencies VPTU and BTC, a session with a bridge point, the
    /// chair and the delegate invited, and an agenda of two items with a document each.
    public func preparedSession(open: Bool = false) async throws -> PreparedSession {
        let sessions = docket.sessions
        _ = try await docket.agencies.create(code: "VPTU", name: "Văn phòng Tỉnh ủy", as: clerk)
        _ = try await docket.agencies.create(code: "BTC", name: "Ban Tổ chức", as: clerk)
        _ = try await sessions.createBody(
            NewBody(name: "Ban Chỉ đạo Chuyển đổi số", code: "BCĐCĐS", numbering: .party, term: "2020-2025"), as: clerk)
        let session = try await sessions.create(
            NewSession(
                body: "BCĐCĐS", title: "Phiên họp thứ nhất", startsAt: Timestamp.parse("2025-03-10T08:00+07:00", field: "starts"),
                location: "Hà Nội"),
            as: clerk)
        _ = try await sessions.addBridgePoint(session.id, name: "Điểm cầu Tỉnh ủy", hostAgency: "VPTU", as: clerk)
        _ = try await sessions.invite(session.id, user: "chair", role: .chair, as: clerk)
        _ = try await sessions.invite(session.id, user: "delegate", role: .member, bridgePoint: "Điểm cầu Tỉnh ủy", as: clerk)
        let openDocument = try await addDocument(sampleBytes(300_000, seed: 1), filename: "Tờ trình.pdf")
        _ = try await docket.documents.sign(openDocument.id, as: chair)
        let secretDocument = try await addDocument(sampleBytes(1_000, seed: 2), filename: "Báo cáo mật.pdf", classification: .secret)
        _ = try await sessions.addAgendaItem(
            session.id, NewAgendaItem(title: "Khai mạc", presenter: "Đồng chí Trưởng ban", plannedMinutes: 10, documents: [openDocument.id]),
            as: clerk)
        _ = try await sessions.addAgendaItem(
            session.id, NewAgendaItem(title: "Báo cáo tình hình", plannedMinutes: 30, documents: [secretDocument.id]), as: clerk)
        if open {
            _ = try await sessions.advance(session.id, to: .scheduled, as: clerk)
            _ = try await sessions.advance(session.id, to: .open, as: clerk)
        }
        return PreparedSession(
            session: try await sessions.get(session.id, as: clerk), openDocument: openDocument, secretDocument: secretDocument)
    }

    /// Writes the session's pack as `user` may have it and returns its path.
    public func writePack(_ sessionID: String, as user: User, name: String = "pack.zip") async throws -> String {
        let path = directory.file(name)
        try await docket.packs.pack(sessionID, as: user).write(toFileAt: path)
        return path
    }
}
