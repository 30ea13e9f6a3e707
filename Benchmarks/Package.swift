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
    ],
    targets: [
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
    ]
)
