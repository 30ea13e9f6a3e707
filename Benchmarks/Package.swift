// swift-tools-version:6.1
import PackageDescription

// Benchmarks of Keycard, in release: `swift package benchmark` from this folder.
// Each layer adds its target below, with its own folder under Benchmarks/.
let package = Package(
    name: "KeycardBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Keycard", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "IntakeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KeycardCore", package: "Keycard"),
                .product(name: "KeycardStore", package: "Keycard"),
                .product(name: "KeycardIntake", package: "Keycard"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "IntakeBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KeycardCore", package: "Keycard"),
                .product(name: "KeycardStore", package: "Keycard"),
                .product(name: "KeycardEngine", package: "Keycard"),
                .product(name: "KeycardAdapters", package: "Keycard"),
            ],
            path: "EngineBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PolicyBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KeycardCore", package: "Keycard"),
                .product(name: "KeycardPolicy", package: "Keycard"),
            ],
            path: "PolicyBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ConsoleBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KeycardCore", package: "Keycard"),
                .product(name: "KeycardConsole", package: "Keycard"),
            ],
            path: "ConsoleBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
