import Foundation
import KeycardCore
import Testing

/// A succeeded step's first attempt is its row: the timeline adds it where no row records it, and only there.
@Suite("Implied first attempts")
struct ImpliedAttemptTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func step(_ index: Int, _ state: StepState, attempts: Int, startedAt: Double, finishedAt: Double) -> Step {
        Step(
            id: StepID("run-1/s\(index)"), runID: RunID("run-1"), index: index, system: "okta", action: "create_user",
            parameters: [:], kind: .account, purpose: .grant, tier: 0, dependencies: [], compensation: nil,
            critical: false, approval: nil, justifications: [], state: state, dueAt: nil, attempts: attempts,
            maxAttempts: 3, idempotencyKey: "run-1/s\(index)", confirmationID: "c-\(index)",
            startedAt: start.addingTimeInterval(startedAt), finishedAt: start.addingTimeInterval(finishedAt))
    }

    @Test("which attempts a step's row stands for: a first, successful, forward attempt")
    func impliedByItsStep() {
        let attempt = StepAttempt(stepID: "s", number: 1, startedAt: start, outcome: .succeeded)
        #expect(attempt.isImpliedByItsStep)
        var second = attempt
        second.number = 2
        var failed = attempt
        failed.outcome = .retryable
        var undo = attempt
        undo.compensation = true
        #expect(![second, failed, undo].contains { $0.isImpliedByItsStep })
    }

    @Test("the timeline adds a succeeded step's unrecorded first attempt in time order, never a second copy")
    func timeline() throws {
        let quiet = step(0, .succeeded, attempts: 1, startedAt: 5, finishedAt: 6)
        let recorded = step(1, .succeeded, attempts: 1, startedAt: 1, finishedAt: 2)
        let retried = step(2, .succeeded, attempts: 2, startedAt: 0, finishedAt: 9)
        let failed = step(3, .failed, attempts: 1, startedAt: 3, finishedAt: 4)
        let rows = [
            StepAttempt(stepID: recorded.id, number: 1, startedAt: start.addingTimeInterval(1), outcome: .succeeded),
            StepAttempt(stepID: retried.id, number: 1, startedAt: start, outcome: .retryable),
            StepAttempt(stepID: retried.id, number: 2, startedAt: start.addingTimeInterval(8), outcome: .succeeded),
            StepAttempt(stepID: failed.id, number: 1, startedAt: start.addingTimeInterval(3), outcome: .permanent),
        ]
        let timeline = StepAttempt.timeline(recorded: rows, steps: [quiet, recorded, retried, failed])
        #expect(timeline.count == 5)
        #expect(timeline.map(\.stepID) == [retried.id, recorded.id, failed.id, quiet.id, retried.id])
        let implied = try #require(timeline.first { $0.stepID == quiet.id })
        #expect(implied.number == 1 && implied.outcome == .succeeded && implied.confirmationID == "c-0")
        #expect(implied.startedAt == quiet.startedAt && implied.finishedAt == quiet.finishedAt)
        #expect(StepAttempt.timeline(recorded: rows, steps: [recorded, retried, failed]) == rows)
        #expect(StepAttempt.implied(by: step(4, .ready, attempts: 0, startedAt: 0, finishedAt: 0)) == nil)
    }
}
