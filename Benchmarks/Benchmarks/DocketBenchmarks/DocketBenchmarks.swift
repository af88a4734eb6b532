import Benchmark
import DocketSeeding
@_spi(Benchmarks) import DocketServices
import DocketCore
import DocketCrypto
import Foundation

/// Shared fixtures, made once per process.
enum Fixture {
    static let content = Data((0..<(100 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })

    static let signer: (CMSSigner, TrustStore) = {
        do {
            let rootKey = try PrivateKey.generate(.p256)
            let root = try CertificateIssuer.issue(
                .rootCA, subject: .init(commonName: "Bench Root"), subjectKey: rootKey, issuer: nil, issuerKey: rootKey,
                validFrom: Date().addingTimeInterval(-60), days: 2)
            let key = try PrivateKey.generate(.p256)
            let certificate = try CertificateIssuer.issue(
                .documentSigner, subject: .init(commonName: "Bench Office"), subjectKey: key, issuer: root,
                issuerKey: rootKey, validFrom: Date().addingTimeInterval(-60), days: 2)
            return (try CMSSigner(certificate: certificate, key: key), try TrustStore(anchors: [root]))
        } catch {
            preconditionFailure("benchmark fixture: \(error)")
        }
    }()

    static let details = ["sha256": String(repeating: "ab", count: 32), "size": "102400", "title": "Thông báo kết luận"]
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], warmupIterations: 3, maxDuration: .seconds(5))

    Benchmark("CMS sign 100 KiB, P-256") { benchmark in
        let (signer, _) = Fixture.signer
        for _ in benchmark.scaledIterations { blackHole(try signer.sign(Fixture.content)) }
    }

    let signature = try? Fixture.signer.0.sign(Fixture.content).der
    Benchmark("CMS verify 100 KiB, P-256 (with chain)") { benchmark in
        let verifier = CMSVerifier(trust: Fixture.signer.1)
        for _ in benchmark.scaledIterations {
            let report = try verifier.verify(signature: signature ?? Data(), content: Fixture.content)
            precondition(report.isValid)
        }
    }

    let appendStore = StoreBox()
    Benchmark(
        "Audit append, one event per transaction (file database)",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))
    ) { benchmark in
        let (docket, admin) = try appendStore.get()
        for _ in benchmark.scaledIterations {
            try await docket.appendAuditEvents(
                count: 1, actor: admin.id, action: .documentAdd, subject: "doc-bench", details: Fixture.details)
        }
    } setup: {
        try await appendStore.open()
    } teardown: {
        appendStore.remove()
    }

    let verifyStore = StoreBox()
    Benchmark(
        "Audit verify, 100,000 events",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 10)
    ) { benchmark in
        let (docket, admin) = try verifyStore.get()
        for _ in benchmark.scaledIterations {
            let result = try await docket.auditLog.verify(as: admin)
            precondition(result.isIntact && result.eventsChecked >= 100_000)
        }
    } setup: {
        try await verifyStore.open()
        let (docket, admin) = try verifyStore.get()
        try await docket.appendAuditEvents(
            count: 100_000 - 3, actor: admin.id, action: .documentAdd, subject: "doc-bench", details: Fixture.details)
    } teardown: {
        verifyStore.remove()
    }

    let burstStore = StoreBox()
    let burstTokens = TokenBox()
    Benchmark(
        "Check-in burst, 2,000 delegates at once over HTTP",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, CheckInBurst.p50, CheckInBurst.p99], warmupIterations: 0,
            maxDuration: .seconds(120), maxIterations: 5)
    ) { benchmark in
        let (docket, admin) = try burstStore.get()
        for _ in benchmark.scaledIterations {
            benchmark.stopMeasurement()
            let session = try await Seeding.openSession(delegates: CheckInBurst.delegates, in: docket, as: admin)
            benchmark.startMeasurement()
            var latencies = try await CheckInBurst.burst(docket, session: session, tokens: burstTokens.tokens)
            benchmark.stopMeasurement()
            let report = try await docket.sessions.attendance(session, as: admin)
            let checkIns = try await docket.auditLog.list(AuditFilter(subject: session), page: Page(limit: 1000, offset: 0), as: admin)
            precondition(report.entitledPresent == CheckInBurst.delegates, "every delegate is recorded present")
            precondition(checkIns.total >= CheckInBurst.delegates, "one check-in event each")
            latencies.sort()
            benchmark.measurement(CheckInBurst.p50, latencies[latencies.count / 2])
            benchmark.measurement(CheckInBurst.p99, latencies[latencies.count * 99 / 100])
            benchmark.startMeasurement()
        }
        // The reference in the same run: the same 2,000 clients reading /api/v1/me (token check, no write).
        benchmark.stopMeasurement()
        for _ in 0..<3 {
            var latencies = try await CheckInBurst.burst(
                docket, session: "", tokens: burstTokens.tokens, method: .get, path: "/api/v1/me")
            latencies.sort()
            print("reference GET /api/v1/me burst: p50 \(latencies[latencies.count / 2]) µs, p99 \(latencies[latencies.count * 99 / 100]) µs")
        }
    } setup: {
        try await burstStore.open()
        let (docket, admin) = try burstStore.get()
        burstTokens.tokens = try await Seeding.delegates(CheckInBurst.delegates, in: docket, as: admin)
    } teardown: {
        burstStore.remove()
    }

    let pageStore = StoreBox()
    let pageTokens = TokenBox()
    let pageSession = TokenBox()
    Benchmark(
        "Session page, 2,000 participants and 100 agenda items (GET /sessions/{id} as a delegate)",
        configuration: .init(
            metrics: [.peakMemoryResident, SessionPage.median, SessionPage.p99, SessionPage.floor], warmupIterations: 0,
            maxDuration: .seconds(60), maxIterations: 5)
    ) { benchmark in
        let (docket, _) = try pageStore.get()
        for _ in benchmark.scaledIterations {
            let run = try await SessionPage.measure(docket, session: pageSession.tokens[0], token: pageTokens.tokens[0])
            benchmark.measurement(SessionPage.median, run.page[run.page.count / 2])
            benchmark.measurement(SessionPage.p99, run.page[run.page.count * 99 / 100])
            benchmark.measurement(SessionPage.floor, run.floor[run.floor.count / 2])
            print("session page: \(run.bytes) bytes of HTML + \(run.css) bytes of CSS")
        }
    } setup: {
        try await pageStore.open()
        let (docket, admin) = try pageStore.get()
        pageTokens.tokens = try await Seeding.delegates(2_000, in: docket, as: admin)
        pageSession.tokens = [try await Seeding.openSession(delegates: 2_000, items: 100, in: docket, as: admin)]
    } teardown: {
        pageStore.remove()
    }

    let taskStore = StoreBox()
    Benchmark(
        "Task report as of a date, 100,000 tasks (10 plans, 50 agencies, ~300,000 events)",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 10)
    ) { benchmark in
        let (docket, admin) = try taskStore.get()
        for index in benchmark.scaledIterations {
            // A different date each time, from 2025-03-02 (every task assigned) through the year.
            let asOf = CalendarDate(dayNumber: 20_089 + 60 + 30 * (index % 10))
            let report = try await docket.tasks.report(TaskReportQuery(asOf: asOf, by: .agency), as: admin)
            precondition(report.rows.count == 50 && report.totals.total == 100_000)
        }
    } setup: {
        try await taskStore.open()
        try await Seeding.tasks(plans: 10, agencies: 50, tasksPerPlan: 10_000, in: taskStore.get().0)
    } teardown: {
        taskStore.remove()
    }

    let addStore = StoreBox()
    Benchmark(
        "Document add 256 MiB (stream, hash, fsync, rename)",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 5)
    ) { benchmark in
        let (docket, admin) = try addStore.get()
        let file = addStore.directory.appendingPathComponent("big.bin")
        for index in benchmark.scaledIterations {
            // A different first byte each time, so every iteration stores new content.
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: Data([UInt8(truncatingIfNeeded: index)]))
            try handle.close()
            blackHole(try await docket.documents.add(fileAt: file.path, NewDocument(filename: "big.bin"), as: admin))
        }
    } setup: {
        try await addStore.open()
        let file = addStore.directory.appendingPathComponent("big.bin")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let chunk = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for _ in 0..<256 { try handle.write(contentsOf: chunk) }
        try handle.close()
    } teardown: {
        addStore.remove()
    }
}

/// The burst's bearer tokens, made in setup.
final class TokenBox: @unchecked Sendable {
    var tokens: [String] = []
}

/// A store in a temporary directory, opened in a benchmark's setup and removed in its teardown.
final class StoreBox: @unchecked Sendable {
    // Setup, the measured closure and teardown run one after another, never at once.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docket-bench-\(UUID().uuidString)")
    private var opened: (Docket, User)?

    func open() async throws {
        let made = try await Docket.initialize(
            DataDirectory(directory.path), organisation: "Bench", configuration: DocketConfiguration(passwordCost: 4))
        opened = (made.docket, made.admin)
    }

    func get() throws -> (Docket, User) {
        guard let opened else { throw DocketError(.internalError, "the benchmark store was not set up") }
        return opened
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
