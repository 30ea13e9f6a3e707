import Foundation
@testable import KeycardEngine
import KeycardCore
import Synchronization
import Testing

@Suite("Loop alarm")
struct LoopAlarmTests {
    /// Counts rings and records when each came.
    final class Rings: Sendable {
        private let times = Mutex<[Date]>([])
        var all: [Date] { times.withLock { $0 } }
        func ring() { times.withLock { $0.append(Date()) } }

        /// Waits (polling) until `count` rings came or `seconds` passed.
        func wait(for count: Int, seconds: Double) async throws {
            let end = Date().addingTimeInterval(seconds)
            while all.count < count, Date() < end { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    @Test("the calls' thread rings once the deadline has passed, never before, and then holds no deadline",
          .timeLimit(.minutes(1)))
    func ringsAtDeadline() async throws {
        let rings = Rings()
        let alarm = CallRunner { rings.ring() }
        let deadline = Date().addingTimeInterval(0.05)
        alarm.arm(at: deadline)
        #expect(alarm.deadline == deadline)
        try await rings.wait(for: 1, seconds: 5)
        #expect(rings.all.count == 1)
        #expect(try #require(rings.all.first) >= deadline)
        #expect(alarm.deadline == nil)
    }

    @Test("arming an earlier deadline while the thread waits for a later one rings at the earlier one",
          .timeLimit(.minutes(1)))
    func earlierDeadlineWins() async throws {
        let rings = Rings()
        let alarm = CallRunner { rings.ring() }
        let later = Date().addingTimeInterval(30)
        alarm.arm(at: later)
        try await Task.sleep(for: .milliseconds(20))
        let earlier = Date().addingTimeInterval(0.03)
        alarm.arm(at: earlier)
        try await rings.wait(for: 1, seconds: 5)
        let rang = try #require(rings.all.first)
        #expect(rang >= earlier && rang < later)
    }

    @Test("a disarmed alarm does not ring; armed again after its thread ended, it rings", .timeLimit(.minutes(1)))
    func disarmAndRestart() async throws {
        let rings = Rings()
        let alarm = CallRunner { rings.ring() }
        alarm.arm(at: Date().addingTimeInterval(0.03))
        alarm.disarm()
        #expect(alarm.deadline == nil)
        // The thread ends after a second without a deadline; the wait covers the disarmed deadline and that second.
        try await Task.sleep(for: .milliseconds(1300))
        #expect(rings.all.isEmpty)
        alarm.arm(at: Date().addingTimeInterval(0.01))
        try await rings.wait(for: 1, seconds: 5)
        #expect(rings.all.count == 1)
    }

    @Test("the task alarm follows a manual clock: no ring until the clock passes the deadline", .timeLimit(.minutes(1)))
    func manualClock() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = ManualClock(start)
        let rings = Rings()
        let alarm = LoopAlarms.make(clock: clock, calls: CallRunner()) { rings.ring() }
        #expect(alarm is ClockTaskAlarm)
        alarm.arm(at: start.addingTimeInterval(60))
        try await Task.sleep(for: .milliseconds(50))
        #expect(rings.all.isEmpty)
        clock.advance(by: 61)
        try await rings.wait(for: 1, seconds: 5)
        #expect(rings.all.count == 1)
        #expect(alarm.deadline == nil)
        let calls = CallRunner()
        #expect(LoopAlarms.make(clock: SystemClock(), calls: calls) {} as? CallRunner === calls)
    }

    @Test("a deadline the holding thread arms waits for release; one another thread arms does not",
          .timeLimit(.minutes(1)))
    func heldDeadlineWaitsForRelease() async throws {
        let rings = Rings()
        let alarm = CallRunner(idleLifetime: 60) { rings.ring() }
        alarm.arm(at: Date().addingTimeInterval(30))
        let end = Date().addingTimeInterval(10)
        while !alarm.isParked, Date() < end { try await Task.sleep(for: .milliseconds(5)) }
        try #require(alarm.isParked)
        alarm.hold()
        alarm.arm(at: Date())
        try await Task.sleep(for: .milliseconds(100))
        #expect(rings.all.isEmpty, "a held deadline rang before release")
        alarm.release()
        try await rings.wait(for: 1, seconds: 5)
        #expect(rings.all.count == 1)

        let thread = Thread { alarm.arm(at: Date()) }
        alarm.hold()
        thread.start()
        try await rings.wait(for: 2, seconds: 5)
        #expect(rings.all.count == 2)
        alarm.release()
    }

    @Test("a thread busy with jobs still rings on time", .timeLimit(.minutes(1)))
    func busyThreadRings() async throws {
        let rings = Rings()
        let runner = CallRunner(idleLifetime: 60) { rings.ring() }
        let deadline = Date().addingTimeInterval(0.05)
        runner.arm(at: deadline)
        // Jobs that keep the thread busy for ~300 ms, each handing over to the next.
        await Task(executorPreference: runner) {
            let end = Date().addingTimeInterval(0.3)
            while Date() < end { await Task.yield() }
        }.value
        let rang = try #require(rings.all.first)
        #expect(rang >= deadline && rang < deadline.addingTimeInterval(0.2))
    }
}
