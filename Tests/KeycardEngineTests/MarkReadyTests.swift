import Foundation
import KeycardCore
@testable import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Testing

/// A step that only becomes ready is stored with a narrow update of its state column.
@Suite("Ready steps in the store")
struct MarkReadyTests {
    @Test("a completion stores its dependants' readiness as markReady, and the store then holds them ready, all else as it was")
    func readinessIsStored() throws {
        let harness = try EngineHarness()
        let plan = try harness.engine.preview(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        let stored = RunFactory.make(
            plan: plan, requestedBy: "test", eventID: nil, configuration: Fixtures.fastConfiguration, now: Date())
        var tracker = RunTracker(stored)
        _ = tracker.advance(now: Date(), settings: Fixtures.fastConfiguration.approvals)
        let database = harness.database.database
        let inserted = try database.applyEngineBatchSync([[.insertRun(
            tracker.run, steps: tracker.steps, approvals: [], encoded: EncodedRun(run: tracker.run, steps: tracker.steps))]])
        #expect(inserted.map(\.isApplied) == [true])

        // The first ready step succeeds in memory; what its completion commits is what the executor would commit.
        let first = try #require(tracker.steps.firstIndex { $0.state == .ready })
        tracker.steps[first].state = .succeeded
        tracker.steps[first].attempts = 1
        tracker.steps[first].confirmationID = "c-1"
        var progress = tracker.advance(now: Date(), settings: Fixtures.fastConfiguration.approvals)
        progress.include(changed: [first])
        let changes = tracker.changes(for: progress)
        let readied = changes.compactMap { change -> Int? in
            guard case .markReady(_, let index) = change else { return nil }
            return index
        }
        #expect(!readied.isEmpty, "a finished identity step readies the steps that need it")
        #expect(!readied.contains(first))
        let updated = changes.compactMap { change -> Int? in
            guard case .updateStep(let step, _) = change else { return nil }
            return step.index
        }
        #expect(updated == [first], "only the finished step needs its whole row written")
        #expect(try database.applyEngineBatchSync([changes]).map(\.isApplied) == [true])

        let detail = try #require(try database.runDetail(id: tracker.run.id))
        for index in readied {
            let before = stored.steps[index]
            let after = detail.steps[index]
            #expect(after.state == .ready)
            #expect(after.attempts == before.attempts && after.maxAttempts == before.maxAttempts)
            #expect(after.dueAt == before.dueAt && after.skipReason == nil && after.confirmationID == nil)
        }
        #expect(detail.steps[first].state == .succeeded && detail.steps[first].confirmationID == "c-1")

        // A step that is not stored refuses the narrow update: the group is not applied.
        let refused = try database.applyEngineBatchSync([[.markReady(tracker.run.id, index: 999)]])
        #expect(refused.map(\.isApplied) == [false])
    }
}
