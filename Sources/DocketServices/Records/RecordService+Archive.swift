import DocketCore
import DocketCrypto
import DocketPack
import Foundation

extension RecordService {
    /// Hands closed dossiers to the archive (admin, clerk): files a signed transfer record with the
    /// catalogue (mục lục hồ sơ), marks them transferred, and returns their signed archive pack.
    /// Held dossiers stop it, each blocked attempt an audit event.
    public func transfer(_ codes: [String], as actor: User) async throws -> SignedPack {
        try actor.require(.manageRecords)
        guard !codes.isEmpty else { throw DocketError.invalid("dossiers", "name the dossiers to hand over") }
        try await refuseHeld(codes, .dossierTransfer, as: actor)
        let now = configuration.time.now()
        let timeZone = configuration.timeZone
        try await storage.write { writer in
            let dossiers = try codes.map { try Self.dossier($0, for: actor, in: writer) }
            for dossier in dossiers where dossier.state != .closed {
                throw DocketError(.conflict, "dossier \(dossier.code) is \(dossier.state.rawValue); only a closed dossier is handed over", field: "dossiers")
            }
            guard try dossiers.allSatisfy({ try writer.activeHolds(dossierID: $0.id).isEmpty }) else {
                throw DocketError(.conflict, "a dossier was put under hold just now", field: "hold")
            }
            let id = configuration.identifiers.make("trf")
            let record = try signed.file(
                Data(Self.transferRecord(id: id, dossiers: dossiers, by: actor, at: now, timeZone: timeZone).utf8),
                title: "Biên bản giao nhận hồ sơ \(id)", filename: "bien-ban-giao-nhan-\(id).html", mediaType: "text/html",
                signerID: actor.id, actor: actor, in: writer)
            for var dossier in dossiers {
                dossier.state = .transferred
                try writer.update(dossier)
                try audit.record(
                    writer, actor: actor.id, action: .dossierTransfer, subject: dossier.id,
                    details: ["code": dossier.code, "transfer": id, "record": record.id])
            }
        }
        return try await archivePack(codes, as: actor)
    }

    /// The signed archive pack of dossiers already handed over (readers of all records): every
    /// document with its signatures, each dossier's history, the catalogue and the transfer
    /// record. `docket pack verify` checks it offline; the manifest verifies with `openssl cms`.
    public func archivePack(_ codes: [String], as actor: User) async throws -> SignedPack {
        try actor.require(.readAllRecords)
        guard !codes.isEmpty else {
            throw DocketError.invalid("dossiers", "name the transferred dossiers to pack, e.g. dossiers=2025.01.HS1,2025.01.HS2")
        }
        let blobs = blobs
        let snapshot = try await storage.read { reader in
            let dossiers = try codes.map { try Self.dossier($0, for: actor, in: reader) }
            for dossier in dossiers where dossier.state != .transferred {
                throw DocketError(.conflict, "dossier \(dossier.code) is \(dossier.state.rawValue), not handed to the archive", field: "dossiers")
            }
            var contents: [(Dossier, [(Document, [DocumentSignature], RegisterEntry?)], [AuditEvent])] = []
            var record: (Document, [DocumentSignature])?
            for dossier in dossiers {
                var documents: [(Document, [DocumentSignature], RegisterEntry?)] = []
                for item in try reader.dossierItems(dossierID: dossier.id) {
                    guard let document = try reader.document(id: item.documentID) else { continue }
                    documents.append(
                        (document, try reader.signatures(documentID: document.id), try item.entryID.flatMap { try reader.registerEntry(id: $0) }))
                }
                let history = try reader.auditEvents(filter: AuditFilter(subject: dossier.id), page: Page(limit: Page.maximumLimit)).items
                    .sorted { $0.sequence < $1.sequence }
                if let transfer = history.last(where: { $0.action == AuditAction.dossierTransfer.rawValue }),
                    let recordID = Self.detail("record", of: transfer), record == nil, let document = try reader.document(id: recordID)
                {
                    record = (document, try reader.signatures(documentID: recordID))
                }
                contents.append((dossier, documents, history))
            }
            var stored: [String: BlobContent] = [:]
            for document in contents.flatMap({ $0.1.map(\.0) }) + [record?.0].compactMap({ $0 }) {
                stored[document.sha256] = try blobs.content(document.sha256, in: reader)
            }
            return (contents, record, stored)
        }
        let (contents, record, stored) = snapshot
        guard let record else { throw DocketError(.internalError, "the transfer record of \(codes.joined(separator: ", ")) is missing") }
        let now = configuration.time.now()
        var builder = PackBuilder()
        builder.add(PackManifest.chainPath, try signed.keys.chainPEM(), "application/x-pem-file")
        var added: Set<String> = []
        var catalogue: [PackManifest.Archive.Dossier] = []
        for (dossier, documents, history) in contents {
            for (document, signatures, _) in documents where added.insert(document.id).inserted {
                try builder.add(document, content: stored[document.sha256], signatures: signatures)
            }
            let historyPath = "dossiers/\(dossier.code)/history.json"
            builder.add(historyPath, try DocketJSON.pretty.encode(history), "application/json")
            catalogue.append(
                .init(
                    code: dossier.code, title: dossier.title, unit: dossier.unit,
                    retention: dossier.retentionYears.map(String.init) ?? "permanent", openedOn: dossier.openedOn.description,
                    closedOn: dossier.closedOn?.description, accessLevel: dossier.accessLevel.rawValue, language: dossier.language,
                    pageCount: documents.compactMap { $0.2?.pages }.reduce(0, +), documents: documents.map(\.0.id),
                    historyPath: historyPath))
        }
        if added.insert(record.0.id).inserted {
            try builder.add(record.0, content: stored[record.0.sha256], signatures: record.1)
        }
        builder.add("catalogue.csv", Data(Self.catalogueCSV(catalogue).utf8), "text/csv")
        builder.add(PackManifest.indexPath, Data(Self.catalogueHTML(catalogue, record: record.0.id).utf8), "text/html")
        var manifest = PackManifest(
            generatedAt: Timestamp.string(now), recipient: actor.username, clearance: actor.clearance.rawValue,
            archive: .init(dossiers: catalogue, transferredBy: actor.username, transferRecord: record.0.id),
            documents: builder.documents, files: builder.files)
        // The transfer that issued the pack, proved to be in the audit log.
        if let transfer = contents.flatMap(\.2).filter({ $0.action == AuditAction.dossierTransfer.rawValue }).max(by: { $0.sequence < $1.sequence }) {
            manifest.audit = try await auditLog.anchor(of: transfer.sequence)
        }
        return try builder.pack(
            manifest, signer: try KeyStore.translating { try signed.keys.officeSigner() },
            filename: "archive-\(contents.map(\.0.code).joined(separator: "_")).zip", generatedAt: now,
            timeZone: configuration.timeZone)
    }

    static func detail(_ key: String, of event: AuditEvent) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(event.details.utf8)) as? [String: String])?[key]
    }

    /// Mục lục hồ sơ as CSV, in the catalogue's column order.
    static func catalogueCSV(_ dossiers: [PackManifest.Archive.Dossier]) -> String {
        let header = ["Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Đơn vị", "Thời gian bắt đầu", "Thời gian kết thúc", "Số lượng văn bản", "Số trang", "Thời hạn bảo quản", "Chế độ sử dụng"]
        let rows = dossiers.enumerated().map { index, dossier in
            [String(index + 1), dossier.code, dossier.title, dossier.unit, dossier.openedOn, dossier.closedOn ?? "",
             String(dossier.documents.count), String(dossier.pageCount), dossier.retention == "permanent" ? "Vĩnh viễn" : "\(dossier.retention) năm",
             dossier.accessLevel]
        }
        return ([header] + rows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func catalogueHTML(_ dossiers: [PackManifest.Archive.Dossier], record: String) -> String {
        var body = "<h1>Mục lục hồ sơ nộp lưu</h1>\n<table><tr><th>Số TT</th><th>Hồ sơ</th><th>Tiêu đề</th><th>Văn bản</th><th>Thời hạn</th></tr>\n"
        for (index, dossier) in dossiers.enumerated() {
            body += "<tr><td>\(index + 1)</td><td>\(HTML.escape(dossier.code))</td><td>\(HTML.escape(dossier.title))</td>"
                + "<td>\(dossier.documents.count)</td><td>\(dossier.retention == "permanent" ? "Vĩnh viễn" : "\(dossier.retention) năm")</td></tr>\n"
        }
        body += "</table>\n<p>Biên bản giao nhận: \(HTML.escape(record)). Kiểm tra gói bằng <code>docket pack verify PACK --ca ROOT.pem</code>.</p>"
        return HTML.page(title: "Mục lục hồ sơ nộp lưu", body: body)
    }

    static func transferRecord(id: String, dossiers: [Dossier], by actor: User, at date: Date, timeZone: TimeZone) -> String {
        var body = """
            <h1>Biên bản giao nhận hồ sơ, tài liệu nộp lưu</h1>
            <p>Số: \(HTML.escape(id)) — ngày \(LocalTime.day(date, in: timeZone))<br>Bên giao: \(HTML.escape(actor.username))</p>
            <table><tr><th>Số TT</th><th>Hồ sơ</th><th>Tiêu đề</th><th>Đơn vị</th><th>Thời hạn bảo quản</th></tr>

            """
        for (index, dossier) in dossiers.enumerated() {
            body += "<tr><td>\(index + 1)</td><td>\(HTML.escape(dossier.code))</td><td>\(HTML.escape(dossier.title))</td>"
                + "<td>\(HTML.escape(dossier.unit))</td><td>\(dossier.retentionYears.map { "\($0) năm" } ?? "Vĩnh viễn")</td></tr>\n"
        }
        return HTML.page(title: "Biên bản giao nhận \(id)", body: body + "</table>")
    }
}
