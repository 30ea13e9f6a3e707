import KeycardCore
@testable import KeycardEngine
import Testing

@Suite("Run events")
struct RunEventHubTests {
    @Test("the hub remembers each run's last published state, a reopened run included, and fans events out in order")
    func remembersLastState() async {
        let hub = RunEventHub()
        let stream = hub.subscribe()
        #expect(hub.lastState(of: "run-1") == nil)
        hub.publish([.runCreated("run-1", .scheduled), .stepChanged(StepID(run: "run-1", index: 0), .running)])
        hub.publish([.runChanged("run-1", .running), .runChanged("run-2", .running)])
        hub.publish([.runChanged("run-1", .succeeded)])
        #expect(hub.lastState(of: "run-1") == .succeeded)
        hub.publish([.runChanged("run-1", .running)])
        #expect(hub.lastState(of: "run-1") == .running)
        #expect(hub.lastState(of: "run-2") == .running)
        hub.finish()
        var received: [RunEvent] = []
        for await event in stream { received.append(event) }
        #expect(received.count == 6)
        #expect(received.first == RunEvent.runCreated("run-1", .scheduled))
        #expect(received.last == RunEvent.runChanged("run-1", .running))
    }

    @Test("the hub knows whether anybody subscribes: a dropped stream and a finished hub count no more")
    func countsSubscribers() {
        let hub = RunEventHub()
        #expect(!hub.hasSubscribers)
        var first: AsyncStream<RunEvent>? = hub.subscribe()
        let second = hub.subscribe()
        #expect(first != nil && hub.hasSubscribers)
        first = nil
        #expect(hub.hasSubscribers)
        var third: AsyncStream<RunEvent>? = hub.subscribe()
        withExtendedLifetime(second) { third = nil }
        #expect(third == nil && hub.hasSubscribers)
        withExtendedLifetime(second) { hub.finish() }
        #expect(!hub.hasSubscribers)
        var late: AsyncStream<RunEvent>? = hub.subscribe()
        #expect(late != nil)
        late = nil
        #expect(late == nil && !hub.hasSubscribers)
    }

    @Test("a waiter wakes on its own run's state once it satisfies the condition, not on other events",
          .timeLimit(.minutes(1)))
    func waiterWakesOnItsRun() async {
        let hub = RunEventHub()
        let waiting = Task { await hub.wait(for: "run-1", current: .scheduled, until: \.isTerminal) }
        hub.publish([.runChanged("run-1", .running), .runChanged("run-2", .succeeded)])
        hub.publish([.stepChanged(StepID(run: "run-1", index: 0), .succeeded)])
        hub.publish([.runChanged("run-1", .completedWithFailures)])
        #expect(await waiting.value == .completedWithFailures)
        // A state already published satisfies a later waiter at once, whatever the store said.
        #expect(await hub.wait(for: "run-2", current: .running, until: \.isTerminal) == .succeeded)
    }

    @Test("a cancelled waiter and the waiters left when the hub finishes get nil", .timeLimit(.minutes(1)))
    func cancelledAndFinished() async {
        let hub = RunEventHub()
        let cancelled = Task { await hub.wait(for: "run-1", current: .running, until: \.isTerminal) }
        let finished = Task { await hub.wait(for: "run-2", current: .running, until: \.isTerminal) }
        cancelled.cancel()
        #expect(await cancelled.value == nil)
        try? await Task.sleep(for: .milliseconds(20))
        hub.finish()
        #expect(await finished.value == nil)
    }
}
