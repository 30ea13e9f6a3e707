import Foundation
import KeycardCore
import Synchronization

/// One call as the loop hands it to a worker: the step, what to send, and what it waits for first.
struct PendingCall: Sendable {
    var ref: StepRef
    var request: AdapterRequest
    var attempt: StepAttempt
    /// The commit the call waits for (its recorded start, or its run's creation); nil: none.
    var precondition: CommitTicket?
    /// The instant the call may go out, when the loop reserved it; nil: reserved once the precondition is durable.
    var slot: Date?
}

/// The tasks that make the executor's calls, kept between calls: a task made and torn down for every call (and its
/// place in the loop's task group) cost ~4 % of a bulk's CPU; resuming a parked worker costs an enqueue. A worker
/// parks when its call is done and ends when the loop stops; there are at most as many as calls were ever in flight
/// at once, which each system's gate caps.
final class CallWorkers: Sendable {
    private struct State: Sendable {
        var idle: [UnsafeContinuation<PendingCall?, Never>] = []
        var stopping = false
    }

    private let state = Mutex(State())

    /// Hands `call` to a parked worker; false when none is parked (the caller starts one with it).
    func handOver(_ call: PendingCall) -> Bool {
        guard let worker = state.withLock({ $0.idle.popLast() }) else { return false }
        worker.resume(returning: call)
        return true
    }

    /// Parks the calling worker until the loop hands it a call; nil once the loop stops.
    func next() async -> PendingCall? {
        await withUnsafeContinuation { continuation in
            let stopping = state.withLock { state -> Bool in
                if state.stopping { return true }
                state.idle.append(continuation)
                return false
            }
            if stopping { continuation.resume(returning: nil) }
        }
    }

    /// Ends every parked worker, and each busy one once its call is done.
    func stop() {
        let parked = state.withLock { state in
            state.stopping = true
            defer { state.idle = [] }
            return state.idle
        }
        for worker in parked { worker.resume(returning: nil) }
    }

    /// Lets workers park again (the loop is starting).
    func restart() {
        state.withLock { $0.stopping = false }
    }

    /// Workers parked now.
    var parkedCount: Int {
        state.withLock { $0.idle.count }
    }
}
