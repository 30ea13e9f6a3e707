import Foundation
import KeycardCore
@testable import KeycardEngine
import Testing

/// The executor's long-lived call tasks: a parked worker takes the next call; stopping ends every worker.
@Suite("Call workers")
struct CallWorkersTests {
    private func call(_ index: Int) -> PendingCall {
        let ref = StepRef(run: "run-1", index: index, compensation: false)
        let request = AdapterRequest(
            system: "okta", action: "create_user", employee: Employee(id: "E1", attributes: [:]), parameters: [:],
            idempotencyKey: "run-1/s\(index)")
        let attempt = StepAttempt(stepID: StepID(run: "run-1", index: index), number: 1, startedAt: Date(), outcome: .running)
        return PendingCall(ref: ref, request: request, attempt: attempt, precondition: nil, slot: nil)
    }

    /// Waits (up to 5 s) until `count` workers are parked.
    private func parked(_ workers: CallWorkers, _ count: Int) async -> Bool {
        for _ in 0..<5_000 {
            if workers.parkedCount == count { return true }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return false
    }

    @Test("with none parked a call is not taken; a parked worker gets the next call, once", .timeLimit(.minutes(1)))
    func handsOver() async {
        let workers = CallWorkers()
        #expect(!workers.handOver(call(0)))
        let worker = Task { await workers.next() }
        #expect(await parked(workers, 1))
        #expect(workers.handOver(call(7)))
        #expect(await worker.value?.ref.index == 7)
        #expect(workers.parkedCount == 0)
        #expect(!workers.handOver(call(8)))
    }

    @Test("stopping ends parked workers and any that park later; a restart lets them park again", .timeLimit(.minutes(1)))
    func stops() async {
        let workers = CallWorkers()
        let first = Task { await workers.next() }
        let second = Task { await workers.next() }
        #expect(await parked(workers, 2))
        workers.stop()
        #expect(await first.value == nil)
        #expect(await second.value == nil)
        #expect(await workers.next() == nil)
        #expect(!workers.handOver(call(1)))
        workers.restart()
        let third = Task { await workers.next() }
        #expect(await parked(workers, 1))
        #expect(workers.handOver(call(2)))
        #expect(await third.value?.ref.index == 2)
    }
}
