// swift-tools-version:6.1
// Benchmarks live in their own package so `swift test` never builds package-benchmark.
// Run them with: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "DocketBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "docket", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .executableTarget(
            name: "DocketBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DocketServices", package: "docket"),
                .product(name: "DocketHTTP", package: "docket"),
                "DocketSeeding",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/DocketBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Fills benchmark stores; kept out of the library Docket ships.
        .target(
            name: "DocketSeeding",
            dependencies: [
                .product(name: "DocketCore", package: "docket"),
                .product(name: "DocketSQLite", package: "docket"),
                .product(name: "DocketServices", package: "docket"),
            ],
            path: "Sources/DocketSeeding"
        ),
        // Seeds a store for Benchmarks/task-report-reference.sh.
        .executableTarget(
            name: "seed-tasks",
            dependencies: ["DocketSeeding", .product(name: "DocketServices", package: "docket")],
            path: "Sources/seed-tasks"
        ),
        // Seeds delegates and open sessions for Benchmarks/checkin-reference.sh.
        .executableTarget(
            name: "seed-checkin",
            dependencies: ["DocketSeeding", .product(name: "DocketServices", package: "docket")],
            path: "Sources/seed-checkin"
        ),
        // Seeds register entries, or registers documents one by one, for Benchmarks/records-reference.sh.
        .executableTarget(
            name: "seed-records",
            dependencies: ["DocketSeeding", .product(name: "DocketServices", package: "docket"), .product(name: "DocketCore", package: "docket")],
            path: "Sources/seed-records"
        ),
        // The audit log's append, verify, checkpoint and proof figures on a log of a given size.
        .executableTarget(
            name: "audit-tree",
            dependencies: [.product(name: "DocketServices", package: "docket"), .product(name: "DocketCore", package: "docket")],
            path: "Sources/audit-tree"
        ),
        // The burst client of Benchmarks/checkin-reference.sh: plain sockets, one per delegate.
        .executableTarget(name: "checkin-burst", path: "Sources/checkin-burst"),
        // What one PostgreSQL statement costs through postgres-nio, awaited or sent in a row.
        .executableTarget(
            name: "pg-roundtrip",
            dependencies: [.product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")],
            path: "Sources/pg-roundtrip"
        ),
    ]
)
