import Foundation
import GRDB
import KeycardCore
@testable import KeycardEngine
@testable import KeycardStore
import KeycardTestSupport
import Testing

/// Readiness is not written: a completion stores its own step, and readers derive which pending steps are ready.
@Suite("Ready steps in the store")
struct ReadinessTests {
    /// Sarah's joiner run as the engine would make it, not yet stored.
    private func sarahsRun(_ harness: EngineHarness) throws -> StoredRun {
        let plan = try harness.engine.preview(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        return RunFactory.make(
            plan: plan, requestedBy: "test", eventID: nil, configuration: Fixtures.fastConfiguration, now: Date())
    }

    @Test("a completion writes only its step; readers show its dependants ready while the run moves, pending otherwise")
    func readinessIsDerived() throws {
        let harness = try EngineHarness()
        let stored = try sarahsRun(harness)
        var tracker = RunTracker(stored)
        _ = tracker.advance(now: Date(), settings: Fixtures.fastConfiguration.approvals)
        tracker.run.state = .running
        let database = harness.database.database
        let inserted = try database.applyEngineBatchSync([[.insertRun(
            tracker.run, steps: stored.steps, approvals: [], encoded: EncodedRun(run: tracker.run, steps: stored.steps))]])
        #expect(inserted.map(\.isApplied) == [true])

        // The first ready step succeeds in memory; what its completion commits is what the executor would commit.
        let first = try #require(tracker.steps.firstIndex { $0.state == .ready })
        let pendingBefore = Set(tracker.steps.indices.filter { tracker.steps[$0].state == .pending })
        tracker.steps[first].state = .succeeded
        tracker.steps[first].attempts = 1
        tracker.steps[first].confirmationID = "c-1"
        var progress = tracker.advance(now: Date(), settings: Fixtures.fastConfiguration.approvals)
        progress.include(changed: [first])
        let readied = pendingBefore.filter { tracker.steps[$0].state == .ready }
        #expect(!readied.isEmpty, "a finished identity step readies the steps that need it")
        let updated = tracker.changes(for: progress).compactMap { change -> Int? in
            guard case .saveStepState(let row, _) = change else { return nil }
            return row.index
        }
        #expect(updated == [first], "only the finished step is written")
        #expect(try database.applyEngineBatchSync([tracker.changes(for: progress)]).map(\.isApplied) == [true])

        let storedStates = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT state FROM step_states WHERE run_id = ? ORDER BY idx", arguments: [tracker.run.id.rawValue])
        }
        #expect(storedStates.filter { $0 == "ready" }.isEmpty)
        let detail = try #require(try database.runDetail(id: tracker.run.id))
        #expect(detail.steps.map(\.state) == tracker.steps.map(\.state), "readers see what the engine sees")
        for index in readied {
            let after = detail.steps[index]
            #expect(after.attempts == 0 && after.confirmationID == nil && after.skipReason == nil)
            #expect(try database.step(id: after.id)?.state == .ready)
        }
        let notReady = try #require(detail.steps.first { $0.state == .pending })
        #expect(try database.step(id: notReady.id)?.state == .pending)

        // A cancelled run's pending steps are not ready.
        var cancelled = tracker.run
        cancelled.state = .cancelled
        #expect(try database.applyEngineBatchSync([[.updateRun(cancelled)]]).map(\.isApplied) == [true])
        let afterCancel = try #require(try database.runDetail(id: tracker.run.id))
        #expect(readied.allSatisfy { afterCancel.steps[$0].state == .pending })
    }

    @Test("a start that expects a ready step applies to its stored pending row; one that expects another state does not")
    func conditionalStartOnDerivedReadiness() throws {
        let harness = try EngineHarness()
        let stored = try sarahsRun(harness)
        let database = harness.database.database
        _ = try database.applyEngineBatchSync([[.insertRun(
            stored.run, steps: stored.steps, approvals: [], encoded: EncodedRun(run: stored.run, steps: stored.steps))]])
        var step = stored.steps[0]
        step.state = .running
        step.attempts = 1
        #expect(try database.applyEngineBatchSync([[.updateStep(step, expecting: .failed)]]).map(\.isApplied) == [false])
        #expect(try database.applyEngineBatchSync([[.updateStep(step, expecting: .ready)]]).map(\.isApplied) == [true])
        #expect(try database.applyEngineBatchSync([[.updateStep(step, expecting: .ready)]]).map(\.isApplied) == [false])
    }
}
