import Foundation
import Synchronization

/// A `LoopAlarm` on a thread of its own that waits on a semaphore until the deadline: arming is a store under a lock,
/// plus a signal only when the new deadline comes before the one being waited for. A task per deadline (created,
/// cancelled, sleeping on a dispatch timer, hopping back to the actor) cost a bulk ~2,000 tasks and four thread
/// switches each per 2,000 hires.
final class WallClockAlarm: LoopAlarm {
    private struct State: Sendable {
        var deadline: Date?
        /// The deadline the thread is waiting for, if it is waiting for one.
        var waitingFor: Date?
        var running = false
    }

    private enum Next {
        case ring, wait(until: Date?), end
    }

    private let state = Mutex(State())
    private let doorbell = DispatchSemaphore(value: 0)
    private let ring: @Sendable () -> Void
    /// How long the thread stays without a deadline before it ends (the next `arm` starts another).
    private static let idleLifetime: TimeInterval = 1

    init(ring: @escaping @Sendable () -> Void) {
        self.ring = ring
    }

    var deadline: Date? {
        state.withLock { $0.deadline }
    }

    func arm(at deadline: Date) {
        let (start, signal) = state.withLock { state -> (Bool, Bool) in
            state.deadline = deadline
            if !state.running {
                state.running = true
                return (true, false)
            }
            guard let waitingFor = state.waitingFor, deadline < waitingFor else { return (false, false) }
            state.waitingFor = nil
            return (false, true)
        }
        if signal { doorbell.signal() }
        if start {
            NamedThread.start("keycard-alarm") { self.wait() }
        }
    }

    func disarm() {
        state.withLock { $0.deadline = nil }
    }

    private func wait() {
        var idleSince: Date?
        while true {
            let next = state.withLock { state -> Next in
                let now = Date()
                guard let deadline = state.deadline else {
                    let since = idleSince ?? now
                    idleSince = since
                    if now.timeIntervalSince(since) >= Self.idleLifetime {
                        state.running = false
                        return .end
                    }
                    state.waitingFor = .distantFuture
                    return .wait(until: nil)
                }
                idleSince = nil
                if deadline <= now {
                    state.deadline = nil
                    return .ring
                }
                state.waitingFor = deadline
                return .wait(until: deadline)
            }
            switch next {
            case .end:
                return
            case .ring:
                ring()
            case .wait(let deadline):
                let seconds = deadline?.timeIntervalSinceNow ?? Self.idleLifetime
                _ = doorbell.wait(timeout: .now() + max(0, seconds))
                state.withLock { $0.waitingFor = nil }
            }
        }
    }
}
