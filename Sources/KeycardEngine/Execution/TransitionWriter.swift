import Foundation
import KeycardCore
import KeycardStore
import Synchronization

/// Group commit: while one transaction is being written, new state changes queue up and go into the next one,
/// so one fsync makes hundreds of step transitions durable. Changes to one run commit in the order they were
/// queued; a new run waits, if need be, until its first step starts (`CommitBatch`).
///
/// Changes nobody waits for (a call's outcome: the run moves on in memory) may wait up to `delay` for company, as
/// PostgreSQL's `commit_delay` does: a bulk of thousands of calls then costs a transaction, a write of each touched
/// page and an fsync per `delay`, not per call. A group is committed at once when someone awaits it
/// (`CommitTicket.result()`: a submission, a start that must be durable before its call, an operator command) or when
/// it changes the state of a run somebody waits for (`watch`: `Engine.wait` learns it from the commit). A run's end
/// is no exception: a console learns it from the event stream at most `delay` later, as it does every other change.
final class TransitionWriter: Sendable {
    private struct Pending: Sendable {
        var changes: [EngineChange]
        var ticket: CommitTicket
        var queuedAt: DispatchTime
        /// Runs whose state the group changes: what `Engine.wait` waits for.
        var runsChanged: [RunID]
    }

    /// What the writer thread is waiting for, so an enqueue wakes it only when that has come.
    private enum Parked: Sendable {
        case working, forWork, forCompany
    }

    private struct State: Sendable {
        var queue: [Pending] = []
        /// `queue`'s footprints, position for position: what choosing a transaction reads, without copying a group.
        var footprints: [GroupFootprint] = []
        var rows = 0
        /// A queued group is awaited or changes a watched run: commit without delay.
        var hurried = false
        var running = false
        var parked = Parked.working
        /// Runs somebody waits for, with how many waiters each.
        var watched: [RunID: Int] = [:]
        var counters = CommitCounters()
    }

    private let database: KeycardDatabase
    private let state = Mutex(State())
    private let doorbell = DispatchSemaphore(value: 0)
    private let maxRows: Int
    private let awaitedMaxRows: Int
    private let delay: DispatchTimeInterval
    /// How long the thread stays parked without work before it ends (the next enqueue starts another).
    private static let idleLifetime = DispatchTimeInterval.seconds(1)

    /// `delay` is what a bulk's CPU hangs on: each transaction writes every page its groups touched (an outcome touches
    /// ~3 pages of different runs), so fewer, larger transactions write fewer pages (2,000 hires, engine alone:
    /// 20 ms and 1,024 rows ~215 transactions, ~117 µs per call; 100 ms and 4,096 rows ~52, ~99 µs; 250 ms no better).
    /// A console sees a change at most `delay` later; awaited and watched groups never wait.
    /// `maxRows` caps a transaction nobody waits for; one somebody waits for holds at most `awaitedMaxRows`: every
    /// step in it waits for its last row (200 runs submitted at once: p50 ~690 ms at 1,024 rows, ~703 at 4,096).
    init(
        database: KeycardDatabase, maxRows: Int = 4096, awaitedMaxRows: Int = 1024,
        delay: DispatchTimeInterval = .milliseconds(100)
    ) {
        self.database = database
        self.maxRows = maxRows
        self.awaitedMaxRows = min(awaitedMaxRows, maxRows)
        self.delay = delay
    }

    /// Queues the changes now (one run's changes commit in the order of these calls); the ticket tells when they are
    /// durable.
    func enqueue(_ changes: [EngineChange]) -> CommitTicket {
        let ticket = CommitTicket(writer: self)
        let footprint = GroupFootprint(changes)
        let runsChanged = changes.compactMap { change -> RunID? in
            guard case .updateRun(let run) = change else { return nil }
            return run.id
        }
        let pending = Pending(changes: changes, ticket: ticket, queuedAt: .now(), runsChanged: runsChanged)
        let (start, ring) = state.withLock { state -> (Bool, Bool) in
            state.queue.append(pending)
            state.footprints.append(footprint)
            state.rows += footprint.rows
            if footprint.rows >= maxRows || runsChanged.contains(where: { state.watched[$0] != nil }) {
                state.hurried = true
            }
            if !state.running {
                state.running = true
                return (true, false)
            }
            return (false, wake(&state))
        }
        if ring { doorbell.signal() }
        if start {
            // A thread of its own, not a task: a burst of submissions fills the task pool's queue, and the writer's
            // first transaction waited behind all of them (32-43 ms for 200 runs) while their calls waited for it.
            NamedThread.start("keycard-writer") { self.drain() }
        }
        return ticket
    }

    /// Somebody waits for the run's state to change: the groups changing it, queued or to come, are committed
    /// without delay until `unwatch`.
    func watch(_ run: RunID) {
        let ring = state.withLock { state -> Bool in
            state.watched[run, default: 0] += 1
            guard state.queue.contains(where: { $0.runsChanged.contains(run) }) else { return false }
            state.hurried = true
            return wake(&state)
        }
        if ring { doorbell.signal() }
    }

    func unwatch(_ run: RunID) {
        state.withLock { state in
            if let count = state.watched[run], count > 1 {
                state.watched[run] = count - 1
            } else {
                state.watched.removeValue(forKey: run)
            }
        }
    }

    /// Someone waits for a queued group: commit what is queued without delay.
    fileprivate func hurry() {
        let ring = state.withLock { state -> Bool in
            state.hurried = true
            return wake(&state)
        }
        if ring { doorbell.signal() }
    }

    /// Whether the parked thread has what it waits for now (it is then marked working: one ring per wait).
    private func wake(_ state: inout State) -> Bool {
        let due: Bool
        switch state.parked {
        case .working: due = false
        case .forWork: due = true
        case .forCompany: due = state.hurried || state.rows >= maxRows
        }
        if due { state.parked = .working }
        return due
    }

    /// Makes the changes durable (atomically), after everything queued before them.
    func commit(_ changes: [EngineChange]) async -> EngineChangeResult {
        await enqueue(changes).result()
    }

    /// Transactions and change groups committed so far, and the writer thread's CPU.
    var counters: CommitCounters {
        state.withLock { $0.counters }
    }

    /// A transaction's groups, and the order to commit them in (`groups`' own order when nil).
    private struct Batch {
        var groups: [Pending]
        var order: [Int]?

        /// Each position of `groups`, in commit order.
        var positions: [Int] { order ?? Array(groups.indices) }
    }

    private enum Next {
        case commit(Batch)
        case park(until: DispatchTime)
        case end
    }

    /// Commits what is queued, transaction after transaction; parks while there is nothing to commit yet, and ends
    /// after `idleLifetime` without work. Blocks its thread.
    private func drain() {
        var idleSince: DispatchTime?
        while true {
            let next = state.withLock { state -> Next in
                let now = DispatchTime.now()
                guard let oldest = state.queue.first?.queuedAt else {
                    let since = idleSince ?? now
                    idleSince = since
                    if now >= since + Self.idleLifetime {
                        state.running = false
                        return .end
                    }
                    state.parked = .forWork
                    return .park(until: since + Self.idleLifetime)
                }
                idleSince = nil
                if !state.hurried && state.rows < maxRows && now < oldest + delay {
                    state.parked = .forCompany
                    return .park(until: oldest + delay)
                }
                return .commit(takeBatch(&state))
            }
            switch next {
            case .end:
                return
            case .park(let deadline):
                _ = doorbell.wait(timeout: deadline)
                state.withLock { $0.parked = .working }
            case .commit(let batch):
                let started = ThreadCPUTime.now()
                let positions = batch.positions
                let results: [EngineChangeResult]
                do {
                    results = try database.applyEngineBatchSync(positions.map { batch.groups[$0].changes })
                } catch {
                    results = Array(repeating: .failed(String(describing: error)), count: positions.count)
                }
                let written = ThreadCPUTime.now()
                for (position, result) in zip(positions, results) {
                    batch.groups[position].ticket.resolve(result)
                }
                let resolved = ThreadCPUTime.now()
                state.withLock { state in
                    state.counters.writingCPU += written - started
                    state.counters.resolvingCPU += resolved - written
                }
            }
        }
    }

    /// Removes the next transaction's groups from the queue.
    private func takeBatch(_ state: inout State) -> Batch {
        let positions = CommitBatch.select(state.footprints, maxRows: state.hurried ? awaitedMaxRows : maxRows)
        state.counters.transactions += 1
        state.counters.groups += positions.count
        if positions.count == state.queue.count {
            // The whole queue, moved out: copying each group out of it retained all it holds, then released it.
            var all: [Pending] = []
            swap(&all, &state.queue)
            state.footprints.removeAll(keepingCapacity: true)
            state.rows = 0
            state.hurried = false
            let inOrder = positions.indices.allSatisfy { positions[$0] == $0 }
            return Batch(groups: all, order: inOrder ? nil : positions)
        }
        let take = positions.map { state.queue[$0] }
        var chosen = [Bool](repeating: false, count: state.queue.count)
        for position in positions { chosen[position] = true }
        var kept = 0
        for position in state.queue.indices where !chosen[position] {
            state.queue.swapAt(kept, position)
            state.footprints.swapAt(kept, position)
            kept += 1
        }
        state.queue.removeLast(state.queue.count - kept)
        state.footprints.removeLast(state.footprints.count - kept)
        state.rows = state.footprints.reduce(0) { $0 + $1.rows }
        return Batch(groups: take, order: nil)
    }
}

/// The promise of one queued group of changes.
final class CommitTicket: Sendable {
    private struct State: Sendable {
        var result: EngineChangeResult?
        var waiters: [CheckedContinuation<EngineChangeResult, Never>] = []
        /// The first callback (a group has one, the executor's, nearly always), then any others: no list to allocate.
        var callback: (@Sendable (EngineChangeResult) -> Void)?
        var moreCallbacks: [@Sendable (EngineChangeResult) -> Void] = []
    }

    private let state = Mutex(State())
    /// Asked to commit without delay when somebody starts waiting for the group. Held strongly: the writer's queue
    /// holds the ticket only until the group is written, so the two do not keep each other alive.
    private let writer: TransitionWriter

    init(writer: TransitionWriter) {
        self.writer = writer
    }

    func resolve(_ result: EngineChangeResult) {
        let (waiters, callback, moreCallbacks) = state.withLock { state in
            state.result = result
            defer {
                state.waiters = []
                state.callback = nil
                state.moreCallbacks = []
            }
            return (state.waiters, state.callback, state.moreCallbacks)
        }
        callback?(result)
        for callback in moreCallbacks { callback(result) }
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
            if state.callback == nil { state.callback = body } else { state.moreCallbacks.append(body) }
            return nil
        }
        if let ready { body(ready) }
    }

    /// Waits until the group is committed (or failed); a group somebody waits for is committed without delay.
    func result() async -> EngineChangeResult {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> EngineChangeResult? in
                if let result = state.result { return result }
                state.waiters.append(continuation)
                return nil
            }
            if let ready {
                continuation.resume(returning: ready)
            } else {
                writer.hurry()
            }
        }
    }
}
