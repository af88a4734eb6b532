// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "docket",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        .library(name: "DocketCore", targets: ["DocketCore"]),
        .library(name: "DocketSQLite", targets: ["DocketSQLite"]),
        .library(name: "DocketPostgres", targets: ["DocketPostgres"]),
        .library(name: "DocketServices", targets: ["DocketServices"]),
        .library(name: "DocketHTTP", targets: ["DocketHTTP"]),
        .library(name: "DocketCrypto", targets: ["DocketCrypto"]),
        .library(name: "DocketPack", targets: ["DocketPack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "DocketCrypto",
            dependencies: [
                "COpenSSL",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "DocketCore", swiftSettings: swiftSettings),
        .target(
            name: "DocketPack",
            dependencies: ["DocketCrypto", "CZlib"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DocketSQLite",
            dependencies: ["DocketCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DocketPostgres",
            dependencies: [
                "DocketCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DocketServices",
            dependencies: ["DocketCore", "DocketCrypto", "DocketSQLite", "DocketPostgres", "DocketPack"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DocketHTTP",
            dependencies: [
                "DocketServices",
                "DocketPack",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Web/Templates"), .copy("Web/Assets")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "docket",
            dependencies: [
                "DocketServices",
                "DocketPack",
                "DocketHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DocketTestSupport",
            dependencies: ["DocketCore", "DocketServices", "DocketCrypto"],
            path: "Tests/DocketTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketCoreTests",
            dependencies: ["DocketCore", "DocketTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketSQLiteTests",
            dependencies: [
                "DocketSQLite", "DocketCore", "DocketTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketPostgresTests",
            dependencies: ["DocketPostgres", "DocketCore", "DocketTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketPackTests",
            dependencies: ["DocketPack", "DocketTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketCryptoTests",
            dependencies: ["DocketCrypto", "DocketTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketServicesTests",
            dependencies: [
                "DocketServices", "DocketSQLite", "DocketCore", "DocketCrypto", "DocketPack", "DocketTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketHTTPTests",
            dependencies: [
                "DocketHTTP", "DocketServices", "DocketTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DocketEndToEndTests",
            dependencies: ["docket", "DocketTestSupport", "DocketServices"],
            swiftSettings: swiftSettings
        ),
    ]
)
