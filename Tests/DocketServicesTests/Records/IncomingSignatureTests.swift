import DocketCore
import DocketCrypto
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// An incoming original's own signature is checked at registration, kept beside it, and its
/// result recorded in the register.
@Suite struct IncomingSignatureTests {
    @Test(arguments: Backend.all) func aSignatureIsCheckedKeptAndRecordedAndGarbageIsRefusedWithoutANumber(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let records = store.docket.records
        _ = try await records.createRegister(
            NewRegister(code: "DEN", kind: .incoming, issuer: "DEN", period: .year, seriesPerType: false, secretSeries: false),
            as: store.clerk)
        // A document signed by a signer the office trusts, as another office of the same CA would send it.
        let content = Data("Công văn số 9 của Ban Tổ chức".utf8)
        let signedAtSource = try await store.addDocument(content, filename: "cv9.txt")
        let der = try await store.docket.documents.sign(signedAtSource.id, as: store.chair).der
        let path = try store.directory.write(content, to: "cv9-arrived.txt")
        func register(_ file: String, _ signature: Data, symbol: String) async throws -> RegisterEntry {
            try await records.registerIncoming(
                NewIncoming(register: nil, sender: "Ban Tổ chức", senderSymbol: symbol, summary: "Công văn số 9", signature: signature),
                original: try .file(at: file, title: nil), as: store.clerk)
        }

        let valid = try await register(path, der, symbol: "9-CV/BTC")
        #expect(valid.signatureCheck?.hasPrefix("valid: ") == true, "\(valid.signatureCheck ?? "")")
        let kept = try await store.docket.documents.verify(try #require(valid.documentID), as: store.auditor)
        #expect(kept.signatures.count == 1 && kept.signatures[0].report.isValid)

        let altered = try store.directory.write(Data("Công văn số 9 của Ban Tổ chức, đã sửa".utf8), to: "cv9-altered.txt")
        let invalid = try await register(altered, der, symbol: "10-CV/BTC")
        #expect(invalid.signatureCheck?.hasPrefix("invalid: ") == true, "\(invalid.signatureCheck ?? "")")

        let garbage = await thrownError { _ = try await register(path, Data("not a signature".utf8), symbol: "11-CV/BTC") }
        #expect(garbage?.kind == .init(.invalidInput, "signature"))
        let alone = await thrownError {
            _ = try await records.registerIncoming(
                NewIncoming(register: nil, sender: "Ban Tổ chức", senderSymbol: "12-CV/BTC", summary: "x", signature: der),
                original: nil, as: store.clerk)
        }
        #expect(alone?.kind == .init(.invalidInput, "signature"))
        let gaps = try await records.gaps(register: "DEN", year: valid.year, as: store.auditor)
        #expect(gaps.clean && gaps.series.map(\.last) == [2], "refused registrations took no number")
    }
}
