// swift-tools-version:6.2
import PackageDescription

// Swift 6 language mode everywhere; `any` spelled out for existentials.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "swell",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "swell", targets: ["swell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // Tests only: validates the served OpenAPI document.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0"),
    ],
    targets: [
        // The default playbook and the dashboard, embedded (scripts/embed-assets), so the binary runs anywhere.
        .target(name: "SwellAssets", swiftSettings: strict),
        // Pure domain: complaints, roles, events, validation. Foundation only.
        .target(name: "SwellCore", swiftSettings: strict),
        // Pure detection: normalisation, features, MinHash/LSH, clustering, the warning rules incrementally. No I/O.
        .target(name: "SwellDetection", dependencies: ["SwellCore"], swiftSettings: strict),
        // Labelled stream generator, B-cubed scorer and brute-force baseline, for tests and `swell bench`.
        .target(name: "SwellEvaluation", dependencies: ["SwellDetection"], swiftSettings: strict),
        // Playbooks: YAML format, loader, incentive tiers, durations and calendars. No I/O but parsing.
        .target(
            name: "SwellPlaybook",
            dependencies: ["SwellCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // The case store: event log with hash chain, complaints, tokens, followers. SQLite via GRDB,
        // PostgreSQL via postgres-nio.
        .target(
            name: "SwellStore",
            dependencies: [
                "SwellCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        // The followers of the event log and the engines they drive: the detector, the incident scheduler, the
        // notifier (outbound webhooks, group robots, e-mail). No HTTP server: `swell replay` links none.
        .target(
            name: "SwellEngine",
            dependencies: [
                "SwellCore", "SwellStore", "SwellDetection", "SwellPlaybook",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "SwellNotify",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict),
        // The HTTP edge only: routes, auth, problem documents, the live feed, metrics, the dashboard.
        .target(
            name: "SwellServer",
            dependencies: [
                "SwellCore", "SwellStore", "SwellDetection", "SwellPlaybook", "SwellEngine", "SwellAssets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The API document, embedded by scripts/embed-assets (SwellAssets), not a bundle resource.
            exclude: ["openapi.yaml"],
            swiftSettings: strict),
        // Command line: serve, import, token, audit, replay, playbook check.
        .target(
            name: "SwellCLI",
            dependencies: [
                "SwellCore", "SwellStore", "SwellEngine", "SwellServer", "SwellDetection", "SwellEvaluation", "SwellPlaybook", "SwellAssets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        // Outbound notifications: an SMTP client over SwiftNIO (STARTTLS/implicit TLS, AUTH) and a MIME builder.
        // No Swell domain types: callers hand it a MailMessage.
        .target(
            name: "SwellNotify",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "swell", dependencies: ["SwellCLI"], swiftSettings: strict),

        .testTarget(name: "SwellCoreTests", dependencies: ["SwellCore"], swiftSettings: strict),
        .testTarget(name: "SwellDetectionTests", dependencies: ["SwellDetection", "SwellEvaluation"], swiftSettings: strict),
        .testTarget(name: "SwellPlaybookTests", dependencies: ["SwellPlaybook"], swiftSettings: strict),
        .testTarget(name: "SwellStoreTests", dependencies: ["SwellStore"], swiftSettings: strict),
        .testTarget(
            name: "SwellEngineTests",
            dependencies: ["SwellEngine", "SwellStore", "SwellDetection", "SwellPlaybook"],
            swiftSettings: strict),
        .testTarget(
            name: "SwellServerTests",
            dependencies: [
                "SwellServer", "SwellEngine", "SwellStore", "SwellDetection", "SwellPlaybook", "SwellAssets", "SwellEvaluation",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "SwellNotifyTests", dependencies: [
                "SwellNotify", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Support/smtp_peer.py"], swiftSettings: strict),
        .testTarget(name: "SwellCLITests", dependencies: ["SwellCLI", "SwellStore"], swiftSettings: strict),
    ]
)
