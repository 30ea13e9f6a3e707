import Foundation
import Synchronization

/// The thread the executor's loop and calls run on, which is also the loop's wall-clock alarm: a `TaskExecutor`
/// that takes the jobs of a loop turn's new calls without waking anyone, and wakes its thread once when the turn ends
/// (`hold`, `release`); between jobs the thread waits for the loop's next deadline and rings it then (`LoopAlarm`).
/// On the shared pool every call task woke an idle worker thread as it was created (a semaphore signal and two thread
/// switches per call); an alarm on a thread of its own was woken again by nearly every turn that armed it (a bulk:
/// ~3,000 wakes of its own per 2,000 hires), where the turn's release now wakes one thread for both.
/// Work an adapter does on it must not block the thread (it would hold up the loop and every other call): waiting is
/// `await`ing.
final class CallRunner: TaskExecutor, LoopAlarm {
    private struct State: Sendable {
        var jobs: [UnownedJob] = []
        /// The loop's next deadline (nil once rung or disarmed).
        var deadline: Date?
        /// Whether the thread waits on the doorbell with nothing to run, and for which deadline (nil: none).
        var parked = false
        var waitingFor: Date?
        var running = false
        /// The thread handing over a turn's jobs: its enqueues and arms wait for `release`.
        var holder: pthread_t?

        /// Whether the parked thread must wake for `deadline` (it waits for none, or for a later one).
        var deadlineComesEarlier: Bool {
            guard let deadline else { return false }
            return waitingFor.map { deadline < $0 } ?? true
        }
    }

    private enum Next {
        case run(ringFirst: Bool), wait(until: Date?), end
    }

    private let state = Mutex(State())
    private let doorbell = DispatchSemaphore(value: 0)
    private let ring: @Sendable () -> Void
    /// How long the thread stays without a job or deadline before it ends (the next job or arm starts another).
    private let idleLifetime: TimeInterval

    init(idleLifetime: TimeInterval = 1, ring: @escaping @Sendable () -> Void = {}) {
        self.idleLifetime = idleLifetime
        self.ring = ring
    }

    /// Whether its thread is alive (it ends after `idleLifetime` without a job or deadline).
    var isRunning: Bool {
        state.withLock { $0.running }
    }

    /// Whether its thread waits for a job.
    var isParked: Bool {
        state.withLock { $0.parked }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        wakeIfNeeded { state in
            state.jobs.append(job)
            return true
        }
    }

    // MARK: LoopAlarm

    var deadline: Date? {
        state.withLock { $0.deadline }
    }

    func arm(at deadline: Date) {
        wakeIfNeeded { state in
            state.deadline = deadline
            return state.deadlineComesEarlier
        }
    }

    func disarm() {
        state.withLock { $0.deadline = nil }
    }

    // MARK: Turns

    /// Jobs and deadlines this thread hands over from now on wait for `release` to wake the runner.
    func hold() {
        state.withLock { $0.holder = pthread_self() }
    }

    /// Wakes the runner if jobs or an earlier deadline wait for it.
    func release() {
        let signal = state.withLock { state -> Bool in
            state.holder = nil
            guard state.parked, !state.jobs.isEmpty || state.deadlineComesEarlier else { return false }
            state.parked = false
            return true
        }
        if signal { doorbell.signal() }
    }

    /// Applies `change`; starts the thread, or wakes it if it is parked, `change` says it must, and the caller does
    /// not hold it.
    private func wakeIfNeeded(_ change: (inout State) -> Bool) {
        let (start, signal) = state.withLock { state -> (Bool, Bool) in
            let needed = change(&state)
            if !state.running {
                state.running = true
                return (true, false)
            }
            guard needed, state.parked, !Self.isHolder(state.holder) else { return (false, false) }
            state.parked = false
            return (false, true)
        }
        if signal { doorbell.signal() }
        if start { NamedThread.start("keycard-calls") { self.runJobs() } }
    }

    private static func isHolder(_ holder: pthread_t?) -> Bool {
        guard let holder else { return false }
        return pthread_equal(holder, pthread_self()) != 0
    }

    /// Runs what is enqueued, ringing the loop first whenever its deadline has passed (a busy thread still rings on
    /// time); parks until the next job or deadline; ends after `idleLifetime` with neither.
    private func runJobs() {
        let executor = asUnownedTaskExecutor()
        var batch: [UnownedJob] = []
        var idleSince: Date?
        while true {
            let next = state.withLock { state -> Next in
                swap(&batch, &state.jobs)
                state.parked = false
                let now = Date()
                var rings = false
                if let deadline = state.deadline, deadline <= now {
                    state.deadline = nil
                    rings = true
                }
                if rings || !batch.isEmpty { return .run(ringFirst: rings) }
                if state.deadline == nil {
                    let since = idleSince ?? now
                    idleSince = since
                    if now.timeIntervalSince(since) >= idleLifetime {
                        state.running = false
                        return .end
                    }
                }
                state.parked = true
                state.waitingFor = state.deadline
                return .wait(until: state.deadline)
            }
            switch next {
            case .run(let ringFirst):
                idleSince = nil
                if ringFirst { ring() }
                for job in batch { job.runSynchronously(on: executor) }
                batch.removeAll(keepingCapacity: true)
            case .wait(let deadline):
                let seconds = deadline?.timeIntervalSinceNow ?? idleLifetime
                _ = doorbell.wait(timeout: .now() + max(0, seconds))
            case .end:
                return
            }
        }
    }
}
