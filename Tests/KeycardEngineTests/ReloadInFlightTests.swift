import Foundation
import GRDB
import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Logging
import Synchronization
import Testing

/// A commit that fails (here the store refuses it once) reloads the run from the store. A call safe to repeat that
/// is in flight then has no trace there (its start is recorded with its outcome): the reload must keep it running,
/// neither calling it a second time nor dropping its outcome.
@Suite("Reloading a run with a call in flight")
struct ReloadInFlightTests {
    static let capabilities = SystemCapabilities(system: "gated", displayName: "Gated", actions: [
        ActionCapability(name: "slow", kind: .account),
        ActionCapability(name: "quick", kind: .account),
    ])

    /// Holds each call until the test gives its action a pass (one call each); counts the calls.
    final class GatedAdapter: SystemAdapter {
        let capabilities = ReloadInFlightTests.capabilities
        let passes = Mutex<[String: Int]>([:])
        let calls = Mutex<[String: Int]>([:])

        func pass(_ action: String) {
            passes.withLock { $0[action, default: 0] += 1 }
        }

        func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
            calls.withLock { $0[request.action, default: 0] += 1 }
            while !passes.withLock({ passes in
                guard let left = passes[request.action], left > 0 else { return false }
                passes[request.action] = left - 1
                return true
            }) {
                try? await Task.sleep(for: .milliseconds(5))
            }
            return AdapterConfirmation(confirmationID: "gated-\(request.idempotencyKey)")
        }
    }

    /// Keeps every message logged, so the test can see the engine notice the failed commit.
    struct CapturingLogHandler: LogHandler {
        let messages: CallLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            messages.record(event.message.description)
        }
    }

    private static func until(_ condition: () throws -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for _ in 0..<2000 {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("gave up waiting after 10 s", sourceLocation: sourceLocation)
    }

    @Test("a failed commit reloads the run; the call in flight stays running and is recorded once", .timeLimit(.minutes(1)))
    func reloadKeepsTheCallInFlight() async throws {
        let test = try TestDatabase()
        let adapter = GatedAdapter()
        let messages = CallLog()
        let log = Logger(label: "test") { _ in CapturingLogHandler(messages: messages) }
        var configuration = Fixtures.fastConfiguration
        configuration.pollInterval = 3600
        let engine = Engine(
            database: test.database, catalog: CapabilityCatalog([Self.capabilities]), adapters: [adapter],
            configuration: configuration, owner: "reload", logger: log)
        await engine.start()
        let request = PlanRequest.joiner(
            Fixtures.sarah, grants: [Grant(system: "gated", action: "slow"), Grant(system: "gated", action: "quick")])
        let id = try await engine.submit(request, requestedBy: "hris:test")
        try await Self.until { adapter.calls.withLock { $0.count } == 2 }

        // The store refuses to record `quick`'s success once: the commit of its outcome fails.
        let quick = try await test.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT idx FROM steps WHERE run_id = ? AND action = 'quick'", arguments: [id.rawValue])
        }
        try await test.database.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_quick BEFORE UPDATE ON step_states
                WHEN NEW.run_id = '\(id.rawValue)' AND NEW.idx = \(try #require(quick)) AND NEW.state = 'succeeded'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        adapter.pass("quick")
        try await Self.until { messages.all.contains { $0.contains("could not commit run changes") } }
        try await test.database.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_quick") }
        // The reloaded run finds `quick` ready (its outcome was lost, so it is called again at once, not after some
        // other outcome moves the run on) and `slow` still out.
        try await Self.until { adapter.calls.withLock { $0["quick"] } == 2 }
        try await Task.sleep(for: .milliseconds(100))
        #expect(adapter.calls.withLock { $0["slow"] } == 1, "the reload called the step in flight again")

        adapter.pass("quick")
        adapter.pass("slow")
        let state = try await engine.wait(for: id)
        await engine.stop()
        #expect(state == .succeeded)
        #expect(adapter.calls.withLock { $0 } == ["slow": 1, "quick": 2])
        let detail = try engine.run(id)
        let slow = try #require(detail.steps.first { $0.action == "slow" })
        #expect(slow.state == .succeeded && slow.attempts == 1)
        #expect(detail.steps.first { $0.action == "quick" }?.state == .succeeded)
        #expect(detail.attempts.filter { $0.stepID == slow.id }.count == 1)
    }
}
