import Foundation
@testable import KeycardEngine
import Testing

@Suite("Call pacing")
struct CallPacerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a bunch of calls released at once goes out as half the burst, then one per interval")
    func bunchIsSpread() {
        let pacer = CallPacer()
        let limits = SystemLimits(maxInFlight: 100, ratePerSecond: 10, burst: 6)
        let waits = (0..<6).map { _ in pacer.reserve(system: "notion", limits: limits, now: start) }
        #expect(waits[0...2].allSatisfy { $0 == 0 })
        for (index, wait) in waits.enumerated().dropFirst(3) {
            #expect(abs(wait - Double(index - 2) * 0.1002) < 1e-6, "call \(index) waits \(wait)")
        }
    }

    @Test("calls at the configured rate never wait, and systems are paced apart")
    func steadyCallsPassAndSystemsAreIndependent() {
        let pacer = CallPacer()
        let limits = SystemLimits(maxInFlight: 100, ratePerSecond: 10, burst: 1)
        for second in 0..<20 {
            let now = start.addingTimeInterval(Double(second) * 0.2)
            #expect(pacer.reserve(system: "okta", limits: limits, now: now) == 0)
        }
        #expect(pacer.reserve(system: "slack", limits: limits, now: start) == 0)
        #expect(pacer.reserve(system: "okta", limits: limits, now: start.addingTimeInterval(3.8)) > 0.09)
    }

    @Test("calls released late push the schedule ahead, and the gate is told when the next call conforms again")
    func nextConformingFollowsTheSchedule() {
        let pacer = CallPacer()
        let limits = SystemLimits(maxInFlight: 100, ratePerSecond: 10, burst: 6)
        #expect(pacer.nextConforming(system: "notion", limits: limits, now: start) == start)
        for _ in 0..<5 { _ = pacer.reserve(system: "notion", limits: limits, now: start) }
        let next = pacer.nextConforming(system: "notion", limits: limits, now: start)
        #expect(abs(next.timeIntervalSince(start) - 3 * 0.1002) < 1e-6)
        #expect(pacer.nextConforming(system: "notion", limits: limits, now: start.addingTimeInterval(1)) == start.addingTimeInterval(1))
        #expect(pacer.nextConforming(system: "okta", limits: limits, now: start) == start)
    }
}
