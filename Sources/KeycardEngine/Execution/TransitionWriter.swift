import Foundation
import KeycardCore
import KeycardStore
import Synchronization

/// Group commit: while one transaction is being written, new state changes queue up and go into the next one,
/// so one fsync makes hundreds of step transitions durable. Changes to one run commit in the order they were
/// queued; a new run waits, if need be, until its first step starts (`CommitBatch`).
final class TransitionWriter: Sendable {
    private struct Pending: Sendable {
        var changes: [EngineChange]
        var ticket: CommitTicket
        var footprint: GroupFootprint
    }

    private struct State: Sendable {
        var queue: [Pending] = []
        var writing = false
        var transactions = 0
        var groups = 0
    }

    private let database: KeycardDatabase
    private let state = Mutex(State())
    private let maxRows: Int

    /// `maxRows` caps a transaction (about 1,000 rows measured best: a commit of many thousand rows makes every
    /// step in it wait for the last row; smaller ones let the first runs' calls go out while the rest are written).
    init(database: KeycardDatabase, maxRows: Int = 1024) {
        self.database = database
        self.maxRows = maxRows
    }

    /// Queues the changes now (one run's changes commit in the order of these calls); the ticket tells when they are
    /// durable.
    func enqueue(_ changes: [EngineChange]) -> CommitTicket {
        let ticket = CommitTicket()
        let startWriter = state.withLock { state in
            state.queue.append(Pending(changes: changes, ticket: ticket, footprint: GroupFootprint(changes)))
            if state.writing { return false }
            state.writing = true
            return true
        }
        if startWriter {
            // A thread of its own, not a task: a burst of submissions fills the task pool's queue, and the writer's
            // first transaction waited behind all of them (32-43 ms for 200 runs) while their calls waited for it.
            let thread = Thread { self.drain() }
            thread.name = "keycard-writer"
            thread.start()
        }
        return ticket
    }

    /// Makes the changes durable (atomically), after everything queued before them.
    func commit(_ changes: [EngineChange]) async -> EngineChangeResult {
        await enqueue(changes).result()
    }

    /// Transactions and change groups committed so far (for benchmarks and tests of batching).
    var counters: (transactions: Int, groups: Int) {
        state.withLock { ($0.transactions, $0.groups) }
    }

    /// Commits what is queued, transaction after transaction, until the queue is empty; blocks its thread.
    private func drain() {
        while true {
            let batch: [Pending] = state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.writing = false
                    return []
                }
                let positions = CommitBatch.select(state.queue.lazy.map(\.footprint), maxRows: maxRows)
                let take = positions.map { state.queue[$0] }
                if positions.count == state.queue.count {
                    state.queue.removeAll(keepingCapacity: true)
                } else {
                    let chosen = Set(positions)
                    state.queue = state.queue.enumerated().filter { !chosen.contains($0.offset) }.map(\.element)
                }
                state.transactions += 1
                state.groups += take.count
                return take
            }
            if batch.isEmpty { return }
            let results: [EngineChangeResult]
            do {
                results = try database.applyEngineBatchSync(batch.map(\.changes))
            } catch {
                results = Array(repeating: .failed(String(describing: error)), count: batch.count)
            }
            for (pending, result) in zip(batch, results) {
                pending.ticket.resolve(result)
            }
        }
    }
}

/// The promise of one queued group of changes.
final class CommitTicket: Sendable {
    private struct State: Sendable {
        var result: EngineChangeResult?
        var waiters: [CheckedContinuation<EngineChangeResult, Never>] = []
        var callbacks: [@Sendable (EngineChangeResult) -> Void] = []
    }

    private let state = Mutex(State())

    func resolve(_ result: EngineChangeResult) {
        let (waiters, callbacks) = state.withLock { state in
            state.result = result
            defer {
                state.waiters = []
                state.callbacks = []
            }
            return (state.waiters, state.callbacks)
        }
        for callback in callbacks { callback(result) }
        for waiter in waiters { waiter.resume(returning: result) }
    }

    /// The result if the group is already committed (or failed), without waiting.
    var settled: EngineChangeResult? {
        state.withLock { $0.result }
    }

    /// Calls `body` with the result once known (at once if it is), on the writer's task: it must be quick.
    func onResult(_ body: @escaping @Sendable (EngineChangeResult) -> Void) {
        let ready = state.withLock { state -> EngineChangeResult? in
            if let result = state.result { return result }
            state.callbacks.append(body)
            return nil
        }
        if let ready { body(ready) }
    }

    /// Waits until the group is committed (or failed).
    func result() async -> EngineChangeResult {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> EngineChangeResult? in
                if let result = state.result { return result }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
