import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KeycardAdapters
import KeycardTestSupport
import Testing

/// `keycard work` and `keycard serve` turn stored HR events into runs against the sandbox systems of keycard.yaml.
@Suite("Engine commands")
struct EngineCommandTests {
    /// A folder with keycard.yaml (sandbox mode, its own sandbox file, the demo policies) and a database path.
    struct Workspace {
        let directory = TemporaryDirectory()
        var db: String { directory.path("keycard.sqlite") }
        var sandbox: String { directory.path("sandbox.sqlite") }
        var config: String { directory.path("keycard.yaml") }

        init() throws {
            let policies = FixturePaths.fixture("demo/policies").path
            try """
                organization: Test Org
                mode: sandbox
                policies: \(policies)
                engine:
                  poll_interval: 0.05
                sandbox:
                  database: sandbox.sqlite
                  defaults:
                    latency_ms: { min: 1, max: 5 }
                """.write(toFile: config, atomically: true, encoding: .utf8)
        }

        func keycard(_ arguments: [String]) async throws -> KeycardBinary.Result {
            try await KeycardBinary.run(arguments + ["--db", db])
        }
    }

    @Test("work --until-idle runs every fixture event's run against the sandbox; a second pass repeats nothing")
    func workUntilIdle() async throws {
        let workspace = try Workspace()
        #expect(try await workspace.keycard(["ingest", FixturePaths.fixture("events").path]).exitCode == 0)
        let first = try await workspace.keycard(["work", "--until-idle", "--timeout", "60", "--config", workspace.config])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("runs submitted: 5"), "\(first.stdout)")
        #expect(first.stdout.contains("1 awaiting_approval") && first.stdout.contains("4 succeeded"), "\(first.stdout)")
        let second = try await workspace.keycard(["work", "--until-idle", "--timeout", "60", "--config", workspace.config])
        #expect(second.stdout.contains("runs submitted: 0"), "\(second.stdout)")
        let sandbox = try SandboxStore.open(path: workspace.sandbox)
        #expect(try sandbox.duplicates().isEmpty)
        #expect(try sandbox.account(system: "okta", employeeID: "E123") != nil || sandbox.sideEffects().contains { $0.system == "okta" })
        let runs = try await workspace.keycard(["runs", "list", "--json"])
        #expect(runs.stdout.contains("\"leaver\"") && runs.stdout.contains("\"mover\""))
    }

    @Test("a config with an unknown key or mode: live is refused with the key named")
    func badConfig() async throws {
        let workspace = try Workspace()
        try "organization: X\nengnie: {}\n".write(toFile: workspace.config, atomically: true, encoding: .utf8)
        let unknown = try await workspace.keycard(["work", "--until-idle", "--config", workspace.config])
        #expect(unknown.exitCode != 0)
        #expect(unknown.stderr.contains("engnie"), "\(unknown.stderr)")
        try "mode: live\n".write(toFile: workspace.config, atomically: true, encoding: .utf8)
        let live = try await workspace.keycard(["work", "--until-idle", "--config", workspace.config])
        #expect(live.exitCode != 0)
        #expect(live.stderr.contains("mode: live"), "\(live.stderr)")
    }

    @Test("serve runs the engine: a signed hire posted to the webhook becomes a succeeded joiner run")
    func serveRunsTheEngine() async throws {
        let workspace = try Workspace()
        let secret = "serve-engine-secret"
        let process = try KeycardBinary.makeProcess(
            ["serve", "--listen", "127.0.0.1:0", "--db", workspace.db, "--config", workspace.config],
            environment: ["KEYCARD_WEBHOOK_SECRET_CANONICAL": secret])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let port = try #require(IntakeCommandTests.readPort(from: errors.fileHandleForReading))
        let body = try FixturePaths.data("events/01-sarah-chen-hired.json")
        #expect(try await SigningForTests.postCanonical(body, port: port, secret: secret) == 202)
        var state = ""
        for _ in 0..<300 where state != "succeeded" {
            let list = try await workspace.keycard(["runs", "list", "--json"])
            if let range = list.stdout.range(of: #""state" : "[a-z_]+""#, options: .regularExpression) {
                state = String(list.stdout[range].split(separator: "\"")[2])
            }
            if state != "succeeded" { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(state == "succeeded")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
