import DocketCore
import DocketPack
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// Dossiers on an approved filing plan, from opening to disposal or the archive.
@Suite struct DossierLifecycleTests {
    struct Office {
        let clock: SettableClock
        let store: TestStore
        /// An admin who is also a chair: holds stop even them.
        let head: User
        var records: RecordService { store.docket.records }

        init(_ backend: Backend) async throws {
            clock = SettableClock(try Timestamp.parse("2025-03-02T09:00+07:00", field: "now"))
            store = try await TestStore(backend, time: clock)
            head = try await store.docket.users.add(
                NewUser(username: "truong", roles: [.admin, .chair], agency: "VP", clearance: .topSecret), as: store.admin)
            _ = try await store.docket.agencies.create(code: "VP", name: "Văn phòng", as: store.clerk)
            _ = try await records.createRegister(
                NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
                as: store.clerk)
        }

        /// An approved plan: heading 03 kept 5 years, heading 05 permanently.
        func approvedPlan() async throws -> FilingPlan {
            let plan = try await records.createPlan(
                try NewFilingPlan(
                    unit: "vp", year: 2025,
                    csv: Data("code,title,retention,responsible\n03,Hồ sơ công văn đến,5,Văn phòng\n05,Hồ sơ hội nghị,permanent,\n".utf8)),
                as: store.clerk)
            return try await records.approvePlan(plan.id, as: store.chair)
        }

        /// A registered incoming document with `text` as its original.
        func incoming(_ text: String, symbol: String) async throws -> RegisterEntry {
            let path = try store.directory.write(Data(text.utf8), to: "\(symbol.replacingOccurrences(of: "/", with: "-")).txt")
            return try await records.registerIncoming(
                NewIncoming(register: nil, sender: "Ban Tổ chức", senderSymbol: symbol, summary: text),
                original: try .file(at: path, title: nil), as: store.clerk)
        }
    }

    @Test(arguments: Backend.all) func aPlanIsApprovedBeforeUseAndChangesOnlyAsANewVersion(_ backend: Backend) async throws {
        let office = try await Office(backend)
        let draft = try await office.records.createPlan(
            try NewFilingPlan(unit: "VP", year: 2025, headings: [("03", "Hồ sơ công văn", "10", nil)]), as: office.store.clerk)
        let early = await thrownError {
            _ = try await office.records.openDossier(unit: "VP", year: 2025, heading: "03", title: "x", as: office.store.clerk)
        }
        #expect(early?.kind == .init(.invalidInput, "year"))
        #expect(await thrownError { _ = try await office.records.approvePlan(draft.id, as: office.store.clerk) }?.code == .forbidden)
        _ = try await office.records.approvePlan(draft.id, as: office.store.chair)
        #expect(await thrownError { _ = try await office.records.approvePlan(draft.id, as: office.store.chair) }?.kind == .init(.conflict, "state"))
        let next = try await office.records.createPlan(
            try NewFilingPlan(unit: "VP", year: 2025, headings: [("03", "Hồ sơ công văn", "20", nil)]), as: office.store.clerk)
        #expect(next.version == 2 && next.state == .draft)
        let badRetention = thrownError { _ = try NewFilingPlan(unit: "VP", year: 2025, headings: [("03", "x", "mãi mãi", nil)]) }
        #expect(badRetention?.kind == .init(.invalidInput, "headings[0].retention"))
        let repeated = thrownError { _ = try NewFilingPlan(unit: "VP", year: 2025, headings: [("03", "x", "5", nil), ("03", "y", "5", nil)]) }
        #expect(repeated?.kind == .init(.invalidInput, "headings[1].code"))
    }

    @Test(arguments: Backend.all) func aClosedDossierRejectsDocumentsAndAHoldStopsEvenAnAdminUntilReleased(_ backend: Backend) async throws {
        let office = try await Office(backend)
        _ = try await office.approvedPlan()
        let dossier = try await office.records.openDossier(
            unit: "VP", year: 2025, heading: "03", title: "Công văn về nhân sự", as: office.store.clerk)
        #expect(dossier.code == "2025.03.HS1" && dossier.retentionYears == 5)
        let second = try await office.records.openDossier(unit: "VP", year: 2025, heading: "03", title: "Khác", as: office.store.clerk)
        #expect(second.code == "2025.03.HS2")
        let letter = try await office.incoming("Công văn về nhân sự", symbol: "1-CV/BTC")
        let view = try await office.records.addToDossier(dossier.code, entry: letter.id, as: office.store.clerk)
        #expect(view.items.map(\.symbol) == ["1"])
        // The same document sits in the second dossier too, without a copy.
        _ = try await office.records.addToDossier(second.code, document: letter.documentID, as: office.store.clerk)
        let twice = await thrownError { _ = try await office.records.addToDossier(dossier.code, entry: letter.id, as: office.store.clerk) }
        #expect(twice?.kind == .init(.conflict, "document"))

        _ = try await office.records.closeDossier(dossier.code, on: "2025-06-30", as: office.store.clerk)
        let late = try await office.incoming("Công văn đến muộn", symbol: "2-CV/BTC")
        let closed = await thrownError { _ = try await office.records.addToDossier(dossier.code, entry: late.id, as: office.store.clerk) }
        #expect(closed?.kind == .init(.conflict, "dossier"))
        let lowered = await thrownError { _ = try await office.records.raiseRetention(dossier.code, to: "3", reason: "ít giá trị", as: office.store.clerk) }
        #expect(lowered?.kind == .init(.invalidInput, "retention"))

        let hold = try await office.records.placeHold(on: [dossier.code], reason: "Thanh tra năm 2031", as: office.store.clerk)
        office.clock.set(try Timestamp.parse("2031-02-01T09:00+07:00", field: "now"))
        #expect(try await office.records.dueForDisposal(asOf: "2031-02-01", as: office.store.auditor).map(\.holds) == [[hold.id]])
        let blocked = await thrownError { _ = try await office.records.dispose([dossier.code], reason: "Hết hạn", as: office.head) }
        #expect(blocked?.kind == .init(.conflict, "hold"))
        let transfer = await thrownError { _ = try await office.records.transfer([dossier.code], as: office.head) }
        #expect(transfer?.kind == .init(.conflict, "hold"))
        let attempts = try await office.store.docket.auditLog.list(AuditFilter(subject: dossier.id), page: .first, as: office.store.auditor)
        #expect(attempts.items.filter { $0.action == "hold.blocked" }.count == 2)
        #expect(await thrownError { _ = try await office.records.releaseHold(hold.id, reason: "x", as: office.store.delegate) }?.code == .notFound)
        let other = try await office.store.docket.users.add(NewUser(username: "vt2", roles: [.clerk], clearance: .internal), as: office.store.admin)
        #expect(await thrownError { _ = try await office.records.releaseHold(hold.id, reason: "x", as: other) }?.code == .forbidden)
        _ = try await office.records.releaseHold(hold.id, reason: "Kết thúc thanh tra", as: office.store.clerk)

        // Disposal: the chair decides; stubs and a signed record remain, the content leaves the
        // store unless a kept dossier also holds it.
        #expect(await thrownError { _ = try await office.records.dispose([dossier.code], reason: "x", as: office.store.clerk) }?.code == .forbidden)
        let record = try await office.records.dispose([dossier.code], reason: "Hết thời hạn bảo quản", as: office.head)
        #expect(record.stubs.map(\.contentDestroyed) == [false], "the second dossier still holds it")
        let signature = try await office.store.docket.documents.verify(record.recordDocumentID, as: office.store.auditor)
        #expect(signature.contentIntact && signature.signatures.allSatisfy(\.report.isValid))
        #expect(try await office.records.dossier(dossier.code, as: office.store.auditor).dossier.state == .disposed)
        #expect(try await office.store.docket.auditLog.verify(as: office.store.auditor).isIntact)
    }

    @Test(arguments: Backend.all) func disposalLeavesStubsASignedRecordAndAnIntactChainAndTheArchivePackVerifiesOffline(_ backend: Backend) async throws {
        let office = try await Office(backend)
        _ = try await office.approvedPlan()
        let short = try await office.records.openDossier(unit: "VP", year: 2025, heading: "03", title: "Công văn thường", as: office.store.clerk)
        let kept = try await office.records.openDossier(unit: "VP", year: 2025, heading: "05", title: "Hội nghị tổng kết", as: office.store.clerk)
        let letter = try await office.incoming("Công văn số một", symbol: "1-CV/BTC")
        let minutes = try await office.incoming("Biên bản hội nghị", symbol: "2-BB/BTC")
        _ = try await office.records.addToDossier(short.code, entry: letter.id, as: office.store.clerk)
        _ = try await office.records.addToDossier(kept.code, entry: minutes.id, as: office.store.clerk)
        for code in [short.code, kept.code] { _ = try await office.records.closeDossier(code, on: "2025-12-20", as: office.store.clerk) }
        // Dossiers are found by their title, heading and filed documents, diacritics optional.
        for (query, found) in [("hoi nghi tong ket", [kept.code]), ("bien ban", [kept.code]), ("\"công văn\"", [short.code]), ("ho so", [kept.code, short.code])] {
            let hits = try await office.records.searchDossiers(try SearchRequest(text: query), page: .first, as: office.store.auditor)
            #expect(Set(hits.items.map(\.dossier.code)) == Set(found), "\(query)")
        }
        #expect(try await office.records.searchDossiers(try SearchRequest(text: "hoi nghi"), page: .first, as: office.store.delegate).total == 0)

        // Not due yet: kept 5 years from 2026, so disposable from 1 January 2031.
        office.clock.set(try Timestamp.parse("2030-12-31T09:00+07:00", field: "now"))
        let early = await thrownError { _ = try await office.records.dispose([short.code], reason: "x", as: office.store.chair) }
        #expect(early?.kind == .init(.conflict, "dossiers"))
        office.clock.set(try Timestamp.parse("2031-01-01T09:00+07:00", field: "now"))
        #expect(try await office.records.dueForDisposal(asOf: "2031-01-01", as: office.store.auditor).map(\.code) == [short.code])
        let record = try await office.records.dispose([short.code], reason: "Hết thời hạn bảo quản", as: office.store.chair)
        let stub = try #require(record.stubs.first)
        #expect(stub.contentDestroyed && stub.symbol == "1" && stub.documentID == letter.documentID)
        #expect(!FileManager.default.fileExists(atPath: office.store.docket.directory.blobs.appendingPathComponent("\(stub.sha256.prefix(2))/\(stub.sha256.dropFirst(2))").path))
        let rows = try office.store.sql("SELECT count(*) FROM smallBlob WHERE sha256 = '\(stub.sha256)'")
        #expect(rows == "0", "the disposed content is gone from the database too")
        let gone = await thrownError { _ = try await office.store.docket.documents.content(stub.documentID, as: office.store.auditor) }
        #expect(gone?.kind == .init(.notFound, "id"))
        let view = try await office.records.dossier(short.code, as: office.store.auditor)
        #expect(view.items.map(\.disposed) == [true] && view.items.first?.sha256 == stub.sha256)
        #expect(try await office.store.docket.store.check(as: office.store.auditor).isHealthy)
        #expect(try await office.store.docket.auditLog.verify(as: office.store.auditor).isIntact)
        let recordPath = try await office.store.docket.documents.export(record.recordDocumentID, to: office.store.directory.file("record"), as: office.store.auditor)
        let cms = try Command.run(
            "openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", recordPath[1], "-content", recordPath[0], "-CAfile", office.store.rootPath, "-purpose", "any", "-out", "/dev/null"])
        #expect(cms.status == 0, "\(cms.stderr)")

        // The permanent dossier goes to the archive: a signed pack anyone can verify offline.
        #expect(try await office.records.dueForTransfer(asOf: "2026-12-01", as: office.store.auditor).map(\.code) == [kept.code])
        let pack = try await office.records.transfer([kept.code], as: office.store.clerk)
        let path = office.store.directory.file("archive.zip")
        try await pack.write(toFileAt: path)
        let report = try PackCheck.verify(packAt: path, caPath: office.store.rootPath)
        #expect(report.valid && report.dossiers == [kept.code], "\(report.problems)")
        // The transfer that issued it is proved into the audit log, against a signed checkpoint.
        #expect(report.auditEvent?.hasPrefix("event ") == true, "\(report)")
        #expect(report.files.contains { $0.path == "documents/2-BB-BTC.txt" })
        #expect(try Command.run("unzip", ["-t", "-q", path]).status == 0)
        let unpacked = office.store.directory.file("unpacked")
        #expect(try Command.run("unzip", ["-q", path, "-d", unpacked]).status == 0)
        let manifestCMS = try Command.run(
            "openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", "\(unpacked)/manifest.json.p7s", "-content", "\(unpacked)/manifest.json",
                        "-CAfile", office.store.rootPath, "-purpose", "any", "-out", "/dev/null"])
        #expect(manifestCMS.status == 0, "\(manifestCMS.stderr)")
        let catalogue = try String(contentsOfFile: "\(unpacked)/catalogue.csv", encoding: .utf8)
        #expect(catalogue.contains("\(kept.code),Hội nghị tổng kết,VP,2025-03-02,2025-12-20,1,0,Vĩnh viễn"), "\(catalogue)")

        // One flipped byte in the minutes is named.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let minutesBytes = Data("Biên bản hội nghị".utf8)
        let at = try #require(bytes.firstRange(of: minutesBytes)).lowerBound
        bytes[at] ^= 0x01
        let tampered = office.store.directory.file("tampered.zip")
        try bytes.write(to: URL(fileURLWithPath: tampered))
        let broken = try PackCheck.verify(packAt: tampered, caPath: office.store.rootPath)
        #expect(!broken.valid && broken.problems.contains { $0.contains("documents/2-BB-BTC.txt") }, "\(broken.problems)")
        #expect(try await office.records.dossier(kept.code, as: office.store.auditor).dossier.state == .transferred)
    }
}
