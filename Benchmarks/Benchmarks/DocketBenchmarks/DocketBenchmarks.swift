import Benchmark
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

    static func store() async throws -> (Docket, User, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docket-bench-\(UUID().uuidString)")
        let made = try await Docket.initialize(
            DataDirectory(directory.path), organisation: "Bench", configuration: DocketConfiguration(passwordCost: 4))
        return (made.docket, made.admin, directory)
    }
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

    Benchmark(
        "Audit append, one event per transaction (file database)",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))
    ) { benchmark, store in
        for _ in benchmark.scaledIterations {
            try await store.0.appendAuditEvents(
                count: 1, actor: store.1.id, action: "document.add", subject: "doc-bench",
                details: ["sha256": String(repeating: "ab", count: 32), "size": "102400", "title": "Thông báo kết luận"])
        }
    } setup: {
        try await Fixture.store()
    } teardown: { store in
        try? FileManager.default.removeItem(at: store.2)
    }

    Benchmark(
        "Audit verify, 100,000 events",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 10)
    ) { benchmark, store in
        for _ in benchmark.scaledIterations {
            let result = try await store.0.auditLog.verify(as: store.1)
            precondition(result.isIntact && result.eventsChecked >= 100_000)
        }
    } setup: {
        let store = try await Fixture.store()
        try await store.0.appendAuditEvents(
            count: 100_000 - 3, actor: store.1.id, action: "document.add", subject: "doc-bench",
            details: ["sha256": String(repeating: "ab", count: 32), "size": "102400", "title": "Thông báo kết luận"])
        return store
    } teardown: { store in
        try? FileManager.default.removeItem(at: store.2)
    }

    Benchmark(
        "Document add 256 MiB (stream, hash, fsync, rename)",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 5)
    ) { benchmark, store in
        for index in benchmark.scaledIterations {
            // A different first byte each time, so every iteration stores new content.
            let handle = try FileHandle(forWritingTo: store.3)
            try handle.write(contentsOf: Data([UInt8(truncatingIfNeeded: index)]))
            try handle.close()
            blackHole(try await store.0.documents.add(fileAt: store.3.path, NewDocument(filename: "big.bin"), as: store.1))
        }
    } setup: {
        let (docket, admin, directory) = try await Fixture.store()
        let file = directory.appendingPathComponent("big.bin")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let chunk = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for _ in 0..<256 { try handle.write(contentsOf: chunk) }
        try handle.close()
        return (docket, admin, directory, file)
    } teardown: { store in
        try? FileManager.default.removeItem(at: store.2)
    }
}
