import Foundation
import KeycardCore
import Synchronization

/// A `LoopAlarm` that sleeps in a task on any `KeycardClock` (a test's manual clock included); arming cancels the
/// previous task.
final class ClockTaskAlarm: LoopAlarm {
    private struct State: Sendable {
        var deadline: Date?
        var task: Task<Void, Never>?
    }

    private let state = Mutex(State())
    private let clock: any KeycardClock
    private let ring: @Sendable () -> Void

    init(clock: any KeycardClock, ring: @escaping @Sendable () -> Void) {
        self.clock = clock
        self.ring = ring
    }

    var deadline: Date? {
        state.withLock { $0.deadline }
    }

    func arm(at deadline: Date) {
        let (clock, ring) = (self.clock, self.ring)
        state.withLock { state in
            state.task?.cancel()
            state.deadline = deadline
            state.task = Task { [weak self] in
                do { try await clock.sleep(until: deadline) } catch { return }
                self?.rang(deadline)
                ring()
            }
        }
    }

    private func rang(_ deadline: Date) {
        state.withLock { state in
            if state.deadline == deadline { state.deadline = nil }
        }
    }

    func disarm() {
        state.withLock { state in
            state.task?.cancel()
            state.task = nil
            state.deadline = nil
        }
    }
}
