import Foundation
import Synchronization

/// A clock that only moves when told to: for tests and for replaying schedules.
public final class ManualClock: KeycardClock {
    private let state: Mutex<Date>

    public init(_ start: Date) {
        state = Mutex(start)
    }

    public var now: Date { state.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        state.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        state.withLock { $0 = date }
    }

    /// Waits by yielding until someone advances the clock past the deadline.
    public func sleep(until deadline: Date) async throws {
        while now < deadline {
            try Task.checkCancellation()
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}
