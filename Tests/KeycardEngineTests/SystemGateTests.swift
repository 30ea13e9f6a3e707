import Foundation
import KeycardCore
@testable import KeycardEngine
import Testing

@Suite("Per-system limits")
struct SystemGateTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("the token bucket allows half the burst (the rest is the vendor's slack), then the rate less 0.2 %")
    func tokenBucket() throws {
        var gate = SystemGate(system: "okta", limits: SystemLimits(maxInFlight: 100, ratePerSecond: 10, burst: 10), now: start)
        let burst = (0..<10).filter { _ in gate.tryStart(now: start) }.count
        #expect(burst == 5)
        let next = try #require(gate.nextStart(now: start))
        #expect(abs(next.timeIntervalSince(start) - 0.1002) < 1e-6)
        #expect(abs(gate.fillTime - 0.501) < 1e-9)
        let later = start.addingTimeInterval(1)
        #expect((0..<20).filter { _ in gate.tryStart(now: later) }.count == 5)
        let admission = CallPacer.admission(gate.limits)
        #expect(admission.burst == 5 && abs(admission.ratePerSecond - 10 / 1.002) < 1e-9)
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
        #expect(abs(gate.currentRate - 5 / 1.002) < 1e-9)
        let tooEarly = gate.tryStart(now: start.addingTimeInterval(1.9))
        #expect(!tooEarly)
        #expect(gate.nextStart(now: start.addingTimeInterval(1)) == start.addingTimeInterval(2))
        let afterWait = gate.tryStart(now: start.addingTimeInterval(2.3))
        #expect(afterWait)
        for _ in 0..<20 { gate.finish(now: start.addingTimeInterval(3), latency: 0.05, rateLimited: false, retryAfter: nil) }
        #expect(abs(gate.currentRate - 10 / 1.002) < 1e-9)
    }

    @Test("queue depth and ETA are reported per system")
    func load() {
        var gate = SystemGate(system: "okta", limits: SystemLimits(maxInFlight: 4, ratePerSecond: 10, burst: 10), now: start)
        for index in 0..<20 { gate.queue.append(StepRef(run: "run-1", index: index, compensation: false)) }
        let load = gate.load(now: start)
        #expect(load.queueDepth == 20 && load.maxInFlight == 4 && abs(load.etaSeconds - 20 * 1.002 / 10) < 1e-9)
    }
}
