import KeycardCore
import KeycardStore
import Synchronization

/// Group commit: while one transaction is being written, new state changes queue up and go into the next one,
/// so one fsync makes hundreds of step transitions durable. Commits happen in submission order.
final class TransitionWriter: Sendable {
    private struct Pending: Sendable {
        var changes: [EngineChange]
        var ticket: CommitTicket
    }

    private struct State: Sendable {
        var queue: [Pending] = []
        var writing = false
        var transactions = 0
        var groups = 0
    }

    private let database: KeycardDatabase
    private let state = Mutex(State())
    private let maxBatch = 4096

    init(database: KeycardDatabase) {
        self.database = database
    }

    /// Queues the changes now (so commit order is the order of these calls); the ticket tells when they are durable.
    func enqueue(_ changes: [EngineChange]) -> CommitTicket {
        let ticket = CommitTicket()
        let startWriter = state.withLock { state in
            state.queue.append(Pending(changes: changes, ticket: ticket))
            if state.writing { return false }
            state.writing = true
            return true
        }
        if startWriter {
            Task { await self.drain() }
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

    private func drain() async {
        while true {
            let batch: [Pending] = state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.writing = false
                    return []
                }
                let take = Array(state.queue.prefix(maxBatch))
                state.queue.removeFirst(take.count)
                state.transactions += 1
                state.groups += take.count
                return take
            }
            if batch.isEmpty { return }
            let results: [EngineChangeResult]
            do {
                results = try await database.applyEngineBatch(batch.map(\.changes))
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
    }

    private let state = Mutex(State())

    func resolve(_ result: EngineChangeResult) {
        let waiters = state.withLock { state in
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: result) }
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
