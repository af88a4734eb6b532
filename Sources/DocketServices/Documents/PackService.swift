import DocketCore
import DocketCrypto
import DocketPack
import Foundation

/// Builds agenda packs (DESIGN.md, "Signatures and packs").
public struct PackService: Sendable {
    let storage: any Storage
    let blobs: BlobStore
    let keys: KeyStore
    let configuration: DocketConfiguration
    /// Proves the event that issued a pack.
    let auditLog: AuditService

    /// The pack of a session as `actor` may have it. A document above their clearance leaves
    /// nothing of itself in the pack; its agenda item only says that it has withheld material.
    public func pack(_ sessionID: String, as actor: User) async throws -> SignedPack {
        let blobs = blobs
        let snapshot = try await storage.read { reader in
            let session = try SessionService.visibleSession(sessionID, to: actor, in: reader)
            guard let body = try reader.body(id: session.bodyID) else { throw DocketError.notFound("body", session.bodyID) }
            let items = NumberedAgendaItem.outline(try reader.agendaItems(sessionID: sessionID))
            var documents: [(Document, BlobContent?, [DocumentSignature])] = []
            var seen: Set<String> = []
            for id in items.flatMap(\.item.documentIDs) where seen.insert(id).inserted {
                // The same rule as the agenda the reader sees: what they may not read is not in their pack.
                guard let document = try reader.document(id: id), try actor.mayRead(document, in: reader) else {
                    continue
                }
                documents.append((document, try blobs.content(document.sha256, in: reader), try reader.signatures(documentID: id)))
            }
            // The event that issued the agenda version this pack carries: scheduling, or a later agenda change.
            let issued = try reader.lastAuditEvent(
                subject: sessionID, actions: [AuditAction.sessionScheduled.rawValue, AuditAction.sessionAgenda.rawValue])
            return (session, body, try reader.bridgePoints(sessionID: sessionID), items, documents, issued)
        }
        let (session, body, points, items, documents, issued) = snapshot
        let now = configuration.time.now()

        var builder = PackBuilder()
        builder.add(PackManifest.chainPath, try keys.chainPEM(), "application/x-pem-file")
        for (document, content, signatures) in documents { try builder.add(document, content: content, signatures: signatures) }
        let entries = builder.documents
        let delivered = Set(entries.map(\.id))
        let agenda = PackManifest.Agenda(
            version: session.agendaVersion,
            items: items.map {
                .init(
                    number: $0.number, title: $0.item.title, presenter: $0.item.presenter,
                    plannedMinutes: $0.item.plannedMinutes, status: $0.item.status.rawValue,
                    documents: $0.item.documentIDs.filter(delivered.contains),
                    withheldMaterial: !$0.item.documentIDs.allSatisfy(delivered.contains))
            })
        let sessionInfo = PackManifest.SessionInfo(
            id: session.id, number: session.number, title: session.title, startsAt: Timestamp.string(session.startsAt),
            endsAt: session.endsAt.map { Timestamp.string($0) }, location: session.location, state: session.state.rawValue)
        let bodyInfo = PackManifest.BodyInfo(code: body.code, name: body.name)
        builder.add(
            PackManifest.indexPath,
            Data(
                Self.index(
                    session: sessionInfo, startsAt: session.startsAt, body: bodyInfo, agenda: agenda, documents: entries,
                    zone: configuration.timeZone
                ).utf8), "text/html")
        var manifest = PackManifest(
            generatedAt: Timestamp.string(now), recipient: actor.username, clearance: actor.clearance.rawValue,
            session: sessionInfo, body: bodyInfo, bridgePoints: points.map { .init(name: $0.name, hostAgency: $0.hostAgency) },
            agenda: agenda, documents: entries, files: builder.files)
        if let issued { manifest.audit = try await auditLog.anchor(of: issued.sequence) }
        return try builder.pack(
            manifest, signer: try KeyStore.translating { try keys.officeSigner() },
            filename: "session-\(body.code)-\(session.number)-v\(session.agendaVersion).zip", generatedAt: now,
            timeZone: configuration.timeZone)
    }

    /// `.pdf` from `Tờ trình.pdf`; empty unless it is a short ASCII extension.
    static func extensionOf(_ filename: String) -> String {
        let ext = (filename as NSString).pathExtension.lowercased()
        return (1...8).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? ".\(ext)" : ""
    }

    /// The human-readable page, in Vietnamese and local time: the agenda, each document linked,
    /// withheld ones marked.
    static func index(
        session: PackManifest.SessionInfo, startsAt: Date, body: PackManifest.BodyInfo, agenda: PackManifest.Agenda,
        documents: [PackManifest.DocumentEntry], zone: TimeZone
    ) -> String {
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var html = """
            <p class="muted">\(HTML.escape(body.name)) (\(HTML.escape(body.code)))</p>
            <h1>Phiên họp thứ \(session.number): \(HTML.escape(session.title))</h1>
            <p>\(LocalTime.dateTime(startsAt, in: zone))\(session.location.map { " — \(HTML.escape($0))" } ?? "")<br>
            Chương trình, phiên bản \(agenda.version)</p>
            <ol class="agenda">

            """
        for item in agenda.items {
            html += "<li><b>\(item.number).</b> \(HTML.escape(item.title))"
            if let presenter = item.presenter { html += " — \(HTML.escape(presenter))" }
            if let minutes = item.plannedMinutes { html += " (\(minutes) phút)" }
            let linked = item.documents.compactMap { byID[$0] }
            if !linked.isEmpty || item.withheldMaterial == true {
                html += "<ul>"
                for document in linked {
                    html += "<li><a href=\"\(HTML.escape(document.path ?? ""))\">\(HTML.escape(document.title))</a> "
                        + "<span class=\"muted\">\(ByteCount.format(document.size)), \(document.signatures.count) chữ ký</span></li>"
                }
                if item.withheldMaterial == true {
                    html += "<li class=\"muted\">Mục này có tài liệu không gửi kèm theo mức độ mật của người nhận.</li>"
                }
                html += "</ul>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n<p class=\"muted\">Kiểm tra bộ tài liệu này bằng lệnh <code>docket pack verify TỆP.zip --ca ROOT.pem</code>.</p>"
        return HTML.page(title: "\(body.code) \(session.number): \(session.title)", body: html)
    }
}
