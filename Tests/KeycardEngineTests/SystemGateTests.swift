import Foundation
import KeycardCore
@testable import KeycardEngine
import Testing

@Suite("Per-system limits")
struct SystemGateTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("the token bucket allows the burst, then the configured rate")
    func tokenBucket() {
        var gate = SystemGate(system: "okta", limits: SystemLimits(maxInFlight: 100, ratePerSecond: 10, burst: 5), now: start)
        let burst = (0..<10).filter { _ in gate.tryStart(now: start) }.count
        #expect(burst == 5)
        #expect(gate.nextStart(now: start) == start.addingTimeInterval(0.1))
        let later = start.addingTimeInterval(1)
        #expect((0..<20).filter { _ in gate.tryStart(now: later) }.count == 5)
    }

    @Test("max in flight caps concurrent calls until one finishes")
    func maxInFlight() {
        var gate = SystemGate(system: "slack", limits: SystemLimits(maxInFlight: 2, ratePerSecond: 1000, burst: 1000), now: start)
        let first = gate.tryStart(now: start)
        let second = gate.tryStart(now: start)
        let third = gate.tryStart(now: start)
        #expect(first && second && !third)
        #expect(gate.nextStart(now: start) == nil)
        gate.finish(now: start, latency: 0.05, rateLimited: false, retryAfter: nil)
        let afterFinish = gate.tryStart(now: start)
        #expect(afterFinish)
    }

    @Test("a 429 with Retry-After blocks the bucket that long and halves the rate, which recovers with successes")
    func rateLimited() {
        var gate = SystemGate(system: "okta", limits: SystemLimits(maxInFlight: 10, ratePerSecond: 10, burst: 1), now: start)
        let started = gate.tryStart(now: start)
        #expect(started)
        gate.finish(now: start, latency: 0.05, rateLimited: true, retryAfter: 2)
        #expect(gate.currentRate == 5)
        let tooEarly = gate.tryStart(now: start.addingTimeInterval(1.9))
        #expect(!tooEarly)
        #expect(gate.nextStart(now: start.addingTimeInterval(1)) == start.addingTimeInterval(2))
        let afterWait = gate.tryStart(now: start.addingTimeInterval(2.3))
        #expect(afterWait)
        for _ in 0..<20 { gate.finish(now: start.addingTimeInterval(3), latency: 0.05, rateLimited: false, retryAfter: nil) }
        #expect(gate.currentRate == 10)
    }

    @Test("queue depth and ETA are reported per system")
    func load() {
        var gate = SystemGate(system: "okta", limits: SystemLimits(maxInFlight: 4, ratePerSecond: 10, burst: 10), now: start)
        for index in 0..<20 { gate.queue.append(StepRef(run: "run-1", index: index, compensation: false)) }
        let load = gate.load(now: start)
        #expect(load.queueDepth == 20 && load.maxInFlight == 4 && load.etaSeconds == 2)
    }
}
