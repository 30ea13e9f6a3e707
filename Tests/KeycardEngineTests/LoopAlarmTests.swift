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

    @Test("the wall-clock alarm rings once its deadline has passed, never before, and then holds no deadline",
          .timeLimit(.minutes(1)))
    func ringsAtDeadline() async throws {
        let rings = Rings()
        let alarm = WallClockAlarm { rings.ring() }
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
        let alarm = WallClockAlarm { rings.ring() }
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
        let alarm = WallClockAlarm { rings.ring() }
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
        let alarm = LoopAlarms.make(clock: clock) { rings.ring() }
        #expect(alarm is ClockTaskAlarm)
        alarm.arm(at: start.addingTimeInterval(60))
        try await Task.sleep(for: .milliseconds(50))
        #expect(rings.all.isEmpty)
        clock.advance(by: 61)
        try await rings.wait(for: 1, seconds: 5)
        #expect(rings.all.count == 1)
        #expect(alarm.deadline == nil)
        #expect(LoopAlarms.make(clock: SystemClock()) {} is WallClockAlarm)
    }
}
