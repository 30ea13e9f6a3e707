import Foundation
import KeycardAdapters
import KeycardCore

/// The demo's folder: recreated databases, a per-run webhook secret, and the sandbox sped up with the script.
enum DemoWorkspace {
    /// Removes the demo's previous databases (and their WAL files) so each demo starts fresh.
    static func reset(directory: String, databasePath: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let sandbox = KeycardRuntime.sandboxDatabasePath(besides: databasePath)
        for base in [databasePath, sandbox] {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: base + suffix) {
                try FileManager.default.removeItem(atPath: base + suffix)
            }
        }
    }

    /// A secret for this demo's webhooks only: it lives in memory and is never written anywhere.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.string((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The sandbox with every latency divided by `speed`, so a faster demo is faster everywhere.
    static func scaled(_ configuration: SandboxConfiguration, speed: Double) -> SandboxConfiguration {
        guard speed != 1 else { return configuration }
        var result = configuration
        result.defaults.latencyMs = result.defaults.latencyMs.map { scaled($0, speed) }
        for (name, behavior) in result.systems {
            var behavior = behavior
            behavior.latencyMs = behavior.latencyMs.map { scaled($0, speed) }
            result.systems[name] = behavior
        }
        return result
    }

    private static func scaled(_ latency: LatencyDistribution, _ speed: Double) -> LatencyDistribution {
        LatencyDistribution(
            shape: latency.shape, min: latency.min.map { $0 / speed }, max: latency.max.map { $0 / speed },
            median: latency.median.map { $0 / speed }, p99: latency.p99.map { $0 / speed })
    }
}
