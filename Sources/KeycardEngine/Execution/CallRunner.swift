import Foundation
import Synchronization

/// The thread the executor's calls run on: a `TaskExecutor` that takes the jobs of a loop turn's new calls without
/// waking anyone, and wakes its thread once when the turn ends (`hold`, `release`). On the shared pool every call
/// task woke an idle worker thread as it was created (a semaphore signal and two thread switches per call).
/// Work an adapter does on it must not block the thread: waiting is `await`ing.
final class CallRunner: TaskExecutor {
    private struct State: Sendable {
        var jobs: [UnownedJob] = []
        /// Whether the thread waits on the doorbell with nothing to run.
        var parked = false
        var running = false
        /// The thread handing over a turn's jobs: its enqueues wait for `release`.
        var holder: pthread_t?
    }

    private let state = Mutex(State())
    private let doorbell = DispatchSemaphore(value: 0)
    /// How long the thread stays without a job before it ends (the next job starts another).
    private let idleLifetime: TimeInterval

    init(idleLifetime: TimeInterval = 1) {
        self.idleLifetime = idleLifetime
    }

    /// Whether its thread is alive (it ends after `idleLifetime` without a job).
    var isRunning: Bool {
        state.withLock { $0.running }
    }

    /// Whether its thread waits for a job.
    var isParked: Bool {
        state.withLock { $0.parked }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let (start, signal) = state.withLock { state -> (Bool, Bool) in
            state.jobs.append(job)
            if !state.running {
                state.running = true
                return (true, false)
            }
            guard state.parked, !Self.isHolder(state.holder) else { return (false, false) }
            state.parked = false
            return (false, true)
        }
        if signal { doorbell.signal() }
        if start { startThread() }
    }

    /// Jobs this thread enqueues from now on wait for `release` to wake the runner.
    func hold() {
        state.withLock { $0.holder = pthread_self() }
    }

    /// Wakes the runner if jobs wait for it.
    func release() {
        let signal = state.withLock { state -> Bool in
            state.holder = nil
            guard state.parked, !state.jobs.isEmpty else { return false }
            state.parked = false
            return true
        }
        if signal { doorbell.signal() }
    }

    private static func isHolder(_ holder: pthread_t?) -> Bool {
        guard let holder else { return false }
        return pthread_equal(holder, pthread_self()) != 0
    }

    private func startThread() {
        NamedThread.start("keycard-calls") { self.runJobs() }
    }

    private func runJobs() {
        let executor = asUnownedTaskExecutor()
        var batch: [UnownedJob] = []
        while true {
            state.withLock { state in
                swap(&batch, &state.jobs)
                state.parked = batch.isEmpty
            }
            if batch.isEmpty {
                guard doorbell.wait(timeout: .now() + idleLifetime) == .timedOut else { continue }
                let ends = state.withLock { state -> Bool in
                    guard state.parked, state.jobs.isEmpty else { return false }
                    state.parked = false
                    state.running = false
                    return true
                }
                if ends { return }
                continue
            }
            for job in batch { job.runSynchronously(on: executor) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
