// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Keycard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keycard", targets: ["keycard"]),
        .library(name: "KeycardCore", targets: ["KeycardCore"]),
        .library(name: "KeycardStore", targets: ["KeycardStore"]),
        .library(name: "KeycardPolicy", targets: ["KeycardPolicy"]),
        .library(name: "KeycardIntake", targets: ["KeycardIntake"]),
        .library(name: "KeycardAdapters", targets: ["KeycardAdapters"]),
        .library(name: "KeycardEngine", targets: ["KeycardEngine"]),
        .library(name: "KeycardConsole", targets: ["KeycardConsole"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .target(
            name: "KeycardCore",
            swiftSettings: strictSettings
        ),
        .target(
            name: "KeycardStore",
            dependencies: [
                "KeycardCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CSQLiteTuning",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KeycardPolicy",
            dependencies: [
                "KeycardCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KeycardIntake",
            dependencies: [
                "KeycardCore",
                "KeycardStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KeycardAdapters",
            dependencies: [
                "KeycardCore",
                "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KeycardEngine",
            dependencies: [
                "KeycardCore",
                "KeycardStore",
                "KeycardPolicy",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw"
        ),
        .target(
            name: "CSQLiteTuning",
            path: "Sources/CSQLiteTuning",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "KeycardConsole",
            dependencies: [
                "KeycardCore",
                "KeycardStore",
                "KeycardPolicy",
                "KeycardEngine",
                "CNcursesw",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "keycard",
            dependencies: [
                "KeycardCore",
                "KeycardStore",
                "KeycardPolicy",
                "KeycardIntake",
                "KeycardAdapters",
                "KeycardEngine",
                "KeycardConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KeycardTestSupport",
            dependencies: ["KeycardCore", "KeycardStore"],
            path: "Tests/KeycardTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardCoreTests",
            dependencies: ["KeycardCore", "KeycardTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardStoreTests",
            dependencies: ["KeycardStore", "KeycardTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardIntakeTests",
            dependencies: ["KeycardIntake", "KeycardTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardPolicyTests",
            dependencies: ["KeycardPolicy", "KeycardTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardEngineTests",
            dependencies: ["KeycardEngine", "KeycardAdapters", "KeycardTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardConsoleTests",
            dependencies: ["KeycardConsole", "KeycardEngine", "KeycardAdapters", "KeycardStore", "KeycardTestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KeycardCLITests",
            dependencies: ["KeycardTestSupport", "KeycardAdapters", "KeycardStore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
    ]
)
