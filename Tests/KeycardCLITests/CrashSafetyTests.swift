import Foundation
import KeycardAdapters
import KeycardCore
import KeycardStore
import KeycardTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A batch of hires run by a `keycard work` child process that is killed with SIGKILL again and again:
/// every run still completes, no step is lost, and the sandbox (its own SQLite file) saw no side effect twice.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let hires = 60

    /// keycard.yaml, the engine database and the sandbox's own database in one temporary folder.
    struct Workspace {
        let directory = TemporaryDirectory(prefix: "keycard-crash")
        var db: String { directory.path("keycard.sqlite") }
        var sandbox: String { directory.path("sandbox.sqlite") }
        var config: String { directory.path("keycard.yaml") }

        /// Sandbox calls take 40–160 ms and each system runs 4 at once, so the batch needs a few seconds of work.
        init(faults: String = "") throws {
            try """
                mode: sandbox
                policies: \(FixturePaths.fixture("demo/policies").path)
                engine:
                  poll_interval: 0.05
                  lease_duration: 30
                  default_limits: { max_in_flight: 4, rate_per_second: 1000, burst: 100 }
                  retry: { max_attempts: 5, base_delay: 0.01, max_delay: 0.05 }
                sandbox:
                  database: sandbox.sqlite
                  seed: 7
                  on_crash: kill
                  defaults:
                    latency_ms: { min: 40, max: 160 }
                \(faults)
                """.write(toFile: config, atomically: true, encoding: .utf8)
        }

        /// Ingests `count` canonical hire events (Sales and Marketing: no approvals, so every run can finish alone).
        func ingestHires(_ count: Int) async throws {
            let events = (1...count).map { number -> [String: Any] in
                let id = String(format: "EMP-CRASH-%03d", number)
                return [
                    "event_type": "employee.hired", "event_id": "crash-hire-\(number)",
                    "timestamp": "2024-01-15T09:00:00Z",
                    "data": [
                        "employee_id": id, "email": "\(id.lowercased())@company.com", "first_name": "Crash",
                        "last_name": "Test \(number)", "job_title": number % 2 == 0 ? "Sales Engineer" : "Marketing Manager",
                        "department": number % 2 == 0 ? "Sales" : "Marketing", "employment_type": "full_time",
                        "start_date": "2024-02-01", "manager_email": "mike.johnson@company.com",
                    ] as [String: Any],
                ]
            }
            let file = directory.path("hires.json")
            try JSONSerialization.data(withJSONObject: events).write(to: URL(fileURLWithPath: file))
            let result = try await KeycardBinary.run(["ingest", file, "--db", db])
            #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        }

        func workProcess() throws -> Process {
            let process = try KeycardBinary.makeProcess(
                ["work", "--until-idle", "--timeout", "60", "--config", config, "--db", db])
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: directory.path("work.stderr"), contents: nil)
            process.standardError = FileHandle(forWritingAtPath: directory.path("work.stderr"))
            return process
        }

        /// Runs `keycard work --until-idle` until it exits by itself; true when it finished (exit 0), false when killed.
        func workUntilExit() throws -> Bool {
            let process = try workProcess()
            try process.run()
            process.waitUntilExit()
            return process.terminationReason == .exit && process.terminationStatus == 0
        }
    }

    @Test("SIGKILL at 8 random moments, restart each time: every run succeeds, no step lost, no side effect twice")
    func killedAtRandomMoments() async throws {
        let workspace = try Workspace()
        try await workspace.ingestHires(Self.hires)
        var random = SeededRandom(seed: 2026)
        var killedWhileWorking = 0
        for _ in 0..<8 {
            let process = try workspace.workProcess()
            try process.run()
            // A blocking sleep: an async one could resume late when other suites hold the cooperative threads.
            usleep(UInt32(Int.random(in: 200...700, using: &random)) * 1000)
            guard process.isRunning else {
                process.waitUntilExit()
                let stderr = (try? String(contentsOfFile: workspace.directory.path("work.stderr"), encoding: .utf8)) ?? ""
                #expect(process.terminationStatus == 0, "keycard work ended early: \(stderr)")
                break
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            killedWhileWorking += 1
        }
        #expect(killedWhileWorking >= 6, "the batch finished too early to be killed at most of the moments")
        #expect(try workspace.workUntilExit(), "the last, uninterrupted `keycard work` did not finish cleanly")
        try await Self.expectEverythingDoneOnce(workspace)
    }

    @Test("a scripted crash right after a side effect (on_crash: kill) repeats nothing on restart")
    func crashAfterSideEffect() async throws {
        let faults = """
              faults:
                - { system: okta, action: add_to_group, call: 3, effect: crash }
                - { system: slack, action: invite_user, call: 5, effect: crash }
                - { system: google, action: create_account, call: 8, effect: crash }
                - { system: salesforce, action: create_user, call: 2, effect: crash }
            """
        let workspace = try Workspace(faults: faults)
        try await workspace.ingestHires(Self.hires)
        var crashes = 0
        while crashes <= 4, !(try workspace.workUntilExit()) { crashes += 1 }
        #expect(crashes == 4, "each of the 4 scripted crashes should have killed one `keycard work`")
        try await Self.expectEverythingDoneOnce(workspace)
    }

    /// Every run succeeded; every step succeeded and its side effect is in the sandbox's ledger exactly once.
    static func expectEverythingDoneOnce(_ workspace: Workspace) async throws {
        let database = try KeycardDatabase.open(path: workspace.db)
        let runs = try database.runSummaries(limit: 1000)
        #expect(runs.count == hires)
        let sandbox = try SandboxStore.open(path: workspace.sandbox)
        let effectsByKey = Dictionary(grouping: try sandbox.sideEffects(), by: \.idempotencyKey)
        var steps = 0
        for summary in runs {
            #expect(summary.run.state == .succeeded, "run \(summary.run.id) is \(summary.run.state)")
            let detail = try #require(try database.runDetail(id: summary.run.id))
            for step in detail.steps {
                steps += 1
                #expect(step.state == .succeeded, "\(step.id) \(step.label) is \(step.state)")
                #expect(effectsByKey[step.idempotencyKey]?.count == 1, "\(step.id) \(step.label): side effects \(effectsByKey[step.idempotencyKey]?.count ?? 0)")
            }
        }
        #expect(steps >= hires * 9)
        let duplicates = try sandbox.duplicates()
        #expect(duplicates.isEmpty, "duplicated side effects: \(duplicates)")
        let verify = try await KeycardBinary.run(["audit", "verify", "--db", workspace.db])
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
