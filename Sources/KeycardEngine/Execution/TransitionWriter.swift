import KeycardCore
import KeycardStore
import Synchronization

/// Group commit: while one transaction is being written, new state changes queue up and go into the next one,
/// so one fsync makes hundreds of step transitions durable. Commits happen in submission order.
final class TransitionWriter: Sendable {
    private struct Pending: Sendable {
        var changes: [EngineChange]
        var ticket: CommitTicket
        /// Rows the group writes, about: what a transaction's size is measured in.
        var rows: Int
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

    /// Queues the changes now (so commit order is the order of these calls); the ticket tells when they are durable.
    func enqueue(_ changes: [EngineChange]) -> CommitTicket {
        let ticket = CommitTicket()
        let startWriter = state.withLock { state in
            state.queue.append(Pending(changes: changes, ticket: ticket, rows: Self.rows(changes)))
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

    /// How many of the queued groups (their row counts in order) go into the next transaction: at least one, then
    /// as many as fit in `maxRows`.
    static func batchCount(rows: some Sequence<Int>, maxRows: Int) -> Int {
        var count = 0
        var total = 0
        for groupRows in rows {
            if count > 0 && total + groupRows > maxRows { break }
            total += groupRows
            count += 1
        }
        return count
    }

    static func rows(_ changes: [EngineChange]) -> Int {
        var rows = 0
        for change in changes {
            if case .insertRun(_, let steps, let approvals) = change { rows += 1 + steps.count + approvals.count } else { rows += 1 }
        }
        return rows
    }

    private func drain() async {
        while true {
            let batch: [Pending] = state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.writing = false
                    return []
                }
                let take = Array(state.queue.prefix(Self.batchCount(rows: state.queue.lazy.map(\.rows), maxRows: maxRows)))
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
