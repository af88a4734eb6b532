import DocketCore
@testable import DocketServices
import DocketTestSupport
import Foundation
import Testing

@Suite struct AuditTests {
    @Test(arguments: Backend.all) func everyChangeAppendsAChainedEvent(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let document = try await store.addDocument(sampleBytes(1000))
        _ = try await store.docket.documents.sign(document.id, as: store.clerk)
        let events = try await store.docket.auditLog.list(AuditFilter(), page: Page(limit: 100), as: store.auditor)
        #expect(events.items.map(\.action) == [
            "store.init", "user.add", "token.create", "user.add", "user.add", "user.add", "user.add",
            "document.add", "document.sign",
        ])
        #expect(events.items.map(\.sequence) == Array(1...9))
        #expect(events.items.first?.previousHash == AuditEvent.genesisHash)
        for (previous, next) in zip(events.items, events.items.dropFirst()) { #expect(next.previousHash == previous.hash) }
        let signEvent = try #require(events.items.last)
        #expect(signEvent.actor == store.clerk.id)
        #expect(signEvent.subject == document.id)
        #expect(try await store.docket.auditLog.verify(as: store.auditor).isIntact)
    }

    @Test(arguments: Backend.all) func anEventAlteredWithTheDatabasesOwnClientIsNamed(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        _ = try await store.addDocument(sampleBytes(10))
        // The triggers refuse changes; someone with the database can still drop them.
        let refused = try store.runSQL("UPDATE auditEvent SET actor = 'x' WHERE sequence = 4")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("append-only"))
        let drop = backend == .sqlite ? "DROP TRIGGER auditEvent_appendOnly_update" : "ALTER TABLE auditEvent DISABLE TRIGGER auditEvent_no_update"
        let tamper = try store.runSQL("\(drop); UPDATE auditEvent SET details = '{\"username\":\"mallory\"}' WHERE sequence = 4")
        #expect(tamper.status == 0, "\(tamper.stderr)")
        let result = try await store.docket.auditLog.verify(as: store.auditor)
        #expect(result.firstBrokenSequence == 4)
        #expect(result.problem?.contains("event 4") == true)
        #expect(result.problem?.contains("altered") == true)
    }

    @Test(arguments: Backend.all) func aDeletedEventIsNamed(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let drop = backend == .sqlite ? "DROP TRIGGER auditEvent_appendOnly_delete" : "ALTER TABLE auditEvent DISABLE TRIGGER auditEvent_no_delete"
        let tamper = try store.runSQL("\(drop); DELETE FROM auditEvent WHERE sequence = 3")
        #expect(tamper.status == 0, "\(tamper.stderr)")
        let result = try await store.docket.auditLog.verify(as: store.auditor)
        #expect(result.firstBrokenSequence == 4)
        #expect(result.problem == "event 3 is missing (the next stored event is 4)")
    }

    @Test(arguments: Backend.all) func onlyAuditorsAndAdminsReadTheLog(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        for user in [store.clerk, store.chair, store.delegate] {
            #expect(await thrownError { try await store.docket.auditLog.verify(as: user) }?.kind == .init(.forbidden))
        }
        _ = try await store.docket.auditLog.verify(as: store.admin)
    }

    @Test func canonicalEncodingIsLengthPrefixed() {
        let event = AuditEvent(
            sequence: 1, time: Date(timeIntervalSince1970: 0), actor: "a", action: "x.y", subject: "s",
            details: "{}", previousHash: AuditEvent.genesisHash, hash: "")
        let text = String(decoding: event.canonicalEncoding, as: UTF8.self)
        #expect(text.hasPrefix("15:docket-audit-v1\n1:1\n24:1970-01-01T00:00:00.000Z\n1:a\n3:x.y\n1:s\n2:{}\n64:"))
    }
}

@Suite struct AuditDetailsTests {
    @Test(arguments: Backend.all) func detailsAreValidJSONWithSortedKeys(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        // Control characters never reach a name any more; quotes and backslashes still may.
        let awkward = "quote \" backslash \\ Việt"
        _ = try await store.docket.users.add(NewUser(username: "x", roles: [.clerk], agency: awkward), as: store.admin)
        let controls = "newline \n tab \t bell \u{7} nul \u{0}"
        let encoded = try #require(try JSONSerialization.jsonObject(with: Data(AuditLog.encode(["text": controls]).utf8)) as? [String: String])
        #expect(encoded["text"] == controls)
        let event = try #require(try await store.docket.auditLog.list(AuditFilter(), page: Page(limit: 1000), as: store.admin).items.last)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(event.details.utf8)) as? [String: String])
        #expect(parsed["agency"] == awkward)
        #expect(event.details.hasPrefix(#"{"agency":"#))
        #expect(try await store.docket.auditLog.verify(as: store.auditor).isIntact)
    }
}
