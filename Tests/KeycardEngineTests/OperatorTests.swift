import Foundation
import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Operator commands and leases")
struct OperatorTests {
    @Test("pause stops new steps in every engine until resume")
    func pauseResume() async throws {
        let harness = try EngineHarness()
        try await harness.engine.pause(by: "oncall@company.com")
        #expect(try harness.engine.isPaused())
        await harness.engine.start()
        let id = try await harness.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris")
        let state = try harness.engine.run(id).run.state
        #expect(harness.log.all.isEmpty)
        #expect(!state.isTerminal)
        try await harness.engine.resume(by: "oncall@company.com")
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
    }

    @Test("a scheduled run can be cancelled; a finished one cannot")
    func cancel() async throws {
        let harness = try EngineHarness()
        var future = Fixtures.sarah
        future.attributes["start_date"] = .string("2999-01-15")
        await harness.engine.start()
        let id = try await harness.engine.submit(.joiner(future, grants: Fixtures.sarahGrants), requestedBy: "hris")
        #expect(try harness.engine.run(id).run.state == .scheduled)
        _ = try await harness.engine.cancel(run: id, by: "hr@company.com", reason: "offer withdrawn")
        #expect(try await harness.engine.wait(for: id) == .cancelled)
        let (done, _) = try await harness.run(.joiner(Fixtures.sarah, grants: [Fixtures.sarahGrants[0]]))
        await #expect(throws: EngineError.self) {
            try await harness.engine.cancel(run: done, by: "hr@company.com", reason: "too late")
        }
        await harness.engine.stop()
        let steps = try harness.engine.run(id).steps
        #expect(steps.allSatisfy { $0.state == .skipped && $0.skipCause == .cancelled }, "\(steps.map { ($0.state, $0.skipCause) })")
    }

    @Test("commands on a run nobody holds are applied directly (command-line use, no engine running)")
    func offlineCommand() async throws {
        let harness = try EngineHarness()
        let id = try await harness.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris")
        _ = try await harness.engine.rollback(run: id, by: "oncall@company.com", reason: "duplicate hire")
        let run = try harness.engine.run(id).run
        #expect(run.state == .rolledBack && run.leaseOwner == nil)
    }

    @Test("a restarted engine takes over a run whose step was left running by a dead process, without a second side effect")
    func leaseTakeover() async throws {
        let database = try TestDatabase(options: .init(synchronous: .normal))
        let first = try EngineHarness(owner: "dead-worker", database: database)
        let id = try await first.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris")
        // Simulate a process that died after starting step 0: running, leased by it, lease expired.
        var step = try first.engine.step(StepID(run: id, index: 0))
        step.state = .running
        step.attempts = 1
        step.leaseOwner = "dead-worker"
        step.leaseExpiresAt = Date(timeIntervalSinceNow: -60)
        var run = try first.engine.run(id).run
        run.leaseOwner = "dead-worker"
        run.leaseExpiresAt = Date(timeIntervalSinceNow: -60)
        let attempt = StepAttempt(stepID: step.id, number: 1, startedAt: Date(), outcome: .running)
        _ = try database.database.applyEngineBatchSync([[.updateStep(step, expecting: nil), .updateRun(run), .insertAttempt(attempt, runID: id)]])

        let second = try EngineHarness(owner: "new-worker", database: database)
        await second.engine.start()
        #expect(try await second.engine.wait(for: id) == .succeeded)
        await second.engine.stop()
        let detail = try second.engine.run(id)
        let attempts = detail.attempts.filter { $0.stepID == step.id }
        #expect(attempts.map(\.outcome) == [.interrupted, .succeeded], "\(attempts)")
        #expect(detail.steps[0].attempts == 2 && detail.steps[0].maxAttempts == 4)
        #expect(second.adapter("okta").effects.values.allSatisfy { $0 == 1 })
    }

    @Test("a live lease held by another engine is respected: commands are queued for it")
    func queuedCommand() async throws {
        let database = try TestDatabase(options: .init(synchronous: .normal))
        let holder = try EngineHarness(owner: "holder", database: database)
        try await holder.engine.pause(by: "test")
        await holder.engine.start()
        let id = try await holder.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris")
        let other = try EngineHarness(owner: "cli", database: database)
        let outcome = try await other.engine.rollback(run: id, by: "oncall@company.com", reason: "wrong person")
        guard case .queued = outcome else {
            Issue.record("expected the command to be queued, got \(outcome)")
            return
        }
        #expect(try await holder.engine.wait(for: id) == .rolledBack)
        await holder.engine.stop()
    }
}
