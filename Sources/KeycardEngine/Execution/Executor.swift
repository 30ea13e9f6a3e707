import Foundation
import KeycardCore
import KeycardStore
import Logging

/// Runs the leased runs: keeps them in memory, admits ready steps through each system's gate, executes them
/// concurrently in one task group, and commits every transition (grouped, in order per run). A call that is safe to
/// repeat goes out at once and its attempt is recorded with its outcome; any other waits for its start to be committed
/// (`Executor+Dispatch`).
actor Executor {
    let database: KeycardDatabase
    let writer: TransitionWriter
    let hub: RunEventHub
    let adapters: [String: any SystemAdapter]
    /// Per system, the actions its adapter looks up before acting (`idempotentByLookup`): repeating them is harmless.
    let repeatable: [String: Set<String>]
    let configuration: EngineConfiguration
    let clock: any KeycardClock
    let owner: String
    let logger: Logger
    let rules: ApproverRules
    let pacer = CallPacer()
    let inbox = LoopInbox<CallOutcome>()
    let workers = CallWorkers()
    /// The outcomes a turn took from the inbox (its buffer goes back to the inbox at the next turn).
    private var outcomes: [CallOutcome] = []
    /// Finished runs whose final changes are durable, posted by the writer: the loop forgets them in its next turn
    /// (a task per finished run to do it cost more than the forgetting).
    let durablyFinished = LoopInbox<RunID>()
    private var forgettable: [RunID] = []

    var trackers = TrackerTable()
    var gates: [String: SystemGate] = [:]
    var paused = false
    var looping = false
    var stopRequested = false
    var nextPoll = Date.distantPast
    /// A poll's claim of runs is under way (it writes the store off the actor).
    var claiming = false
    var random = SystemRandomNumberGenerator()

    private let wakeup: Wakeup
    private let alarm: any LoopAlarm
    /// Where the loop and its calls run, and the loop's alarm on the wall clock.
    let calls: CallRunner

    init(
        database: KeycardDatabase, writer: TransitionWriter, hub: RunEventHub, adapters: [any SystemAdapter],
        configuration: EngineConfiguration, clock: any KeycardClock, owner: String, logger: Logger
    ) {
        self.database = database
        self.writer = writer
        self.hub = hub
        self.adapters = Dictionary(adapters.map { ($0.capabilities.system, $0) }, uniquingKeysWith: { first, _ in first })
        self.repeatable = self.adapters.mapValues { adapter in
            Set(adapter.capabilities.actions.filter(\.idempotentByLookup).map(\.name))
        }
        self.configuration = configuration
        self.clock = clock
        self.owner = owner
        self.logger = logger
        self.rules = ApproverRules(groups: configuration.approvals.groups)
        let wakeup = Wakeup()
        self.wakeup = wakeup
        let calls = CallRunner { wakeup.ring() }
        self.calls = calls
        self.alarm = LoopAlarms.make(clock: clock, calls: calls) { wakeup.ring() }
    }

    // MARK: Loop

    /// Runs until `requestStop`; in-flight steps finish before it returns, then the leases are released.
    /// Marks the executor as running, so runs submitted from now on are leased to it.
    /// Idempotent while looping: `Engine.start` and the loop's own start may both call it, in either order, and a
    /// second call must not reset a poll's claim that is under way.
    func prepare() {
        guard !looping else { return }
        looping = true
        stopRequested = false
        workers.restart()
        claiming = false
        nextPoll = .distantPast
        paused = (try? database.engineIsPaused()) ?? false
    }

    func run() async {
        if !looping { prepare() }
        // The loop prefers the calls' thread too: a turn, the calls it starts and the alarm that wakes it then share one
        // thread, and handing work between them is an append, not a wake of another thread (a bulk of 2,000 hires:
        // ~44k thread switches -> ~21k, ~9 % less CPU).
        await withTaskExecutorPreference(calls) {
            await withDiscardingTaskGroup { group in
                while !stopRequested {
                    pump(group: &group)
                    await wakeup.wait()
                }
                // The group waits for its workers: parked ones end now, busy ones once their call is done.
                workers.stop()
            }
        }
        // Calls that were in flight when the loop stopped have finished since: their outcomes are still to record.
        for outcome in inbox.take() { complete(outcome) }
        alarm.disarm()
        looping = false
        let owned = Array(trackers.ids)
        let outstanding = trackers.all.compactMap(\.lastCommit)
        trackers.removeAll()
        for system in Array(gates.keys) { gates[system]?.queue.removeAll() }
        // The last outcomes are queued, not yet durable: releasing the leases first would let their commits reclaim.
        for ticket in outstanding { _ = await ticket.result() }
        do { try database.releaseLeases(owner: owner, runs: owned) } catch {
            logger.error("could not release leases", metadata: ["error": "\(error)"])
        }
    }

    func requestStop() {
        stopRequested = true
        signal()
    }

    nonisolated func signal() {
        wakeup.ring()
    }

    private func pump(group: inout DiscardingTaskGroup) {
        calls.hold()
        defer { calls.release() }
        inbox.take(into: &outcomes)
        for outcome in outcomes { complete(outcome) }
        durablyFinished.take(into: &forgettable)
        for run in forgettable { forgetIfFinished(run) }
        let now = clock.now
        if now >= nextPoll {
            poll(now: now, group: &group)
            nextPoll = now.addingTimeInterval(configuration.pollInterval)
        }
        let due = trackers.wakeTimes.compactMap { id, wake in wake <= now ? id : nil }
        for id in due { advance(id, now: now) }
        if !paused { dispatch(now: now, group: &group) }
        armTimer(now: now)
    }

    /// Re-evaluates one run and commits what changed (the loop never waits on the disk).
    func advance(_ id: RunID, now: Date) {
        guard let (changes, events) = advanceInMemory(id, now: now), !changes.isEmpty else { return }
        commit(changes, events: events, of: id)
    }

    /// Queues a run's changes. Its events are published once they are durable, from the writer as it resolves the
    /// ticket, so one run's events come out in the order its changes commit. Only a finished run (to forget) or a
    /// failed commit (to reload) comes back to the actor: nobody waits on a step's outcome once it is queued.
    @discardableResult
    func commit(_ changes: [EngineChange], events: [RunEvent], of run: RunID) -> CommitTicket {
        let ticket = writer.enqueue(changes)
        let finishing = withTracker(run) { tracker in
            tracker.lastCommit = ticket
            return tracker.run.state.isTerminal
        } == true
        let (hub, logger) = (self.hub, self.logger)
        ticket.onResult { [weak self] result in
            if result.isApplied {
                hub.publish(events)
                if finishing, let self, self.durablyFinished.post(run) { self.signal() }
            } else {
                logger.error("could not commit run changes", metadata: ["run": "\(run)", "result": "\(result)"])
                Task { await self?.reload(run) }
            }
        }
        return ticket
    }

    /// Publishes events that need no commit of their own (a call safe to repeat going out) after the run's last
    /// queued commit, so they never overtake the events of changes made before them.
    func publishInOrder(_ events: [RunEvent], of run: RunID) {
        guard !events.isEmpty else { return }
        let hub = self.hub
        if let last = withTracker(run, { $0.lastCommit }) ?? nil, last.settled == nil {
            last.onResult { _ in hub.publish(events) }
        } else {
            hub.publish(events)
        }
    }

    /// Applies the tracker's rules; returns the changes to commit and the events to publish afterwards.
    func advanceInMemory(_ id: RunID, now: Date) -> ([EngineChange], [RunEvent])? {
        let settings = configuration.approvals
        let advanced = withTracker(id) { tracker in
            let progress = tracker.advance(now: now, settings: settings)
            return (tracker.changes(for: progress), tracker.events(for: progress), progress.runnable)
        }
        guard let (changes, events, runnable) = advanced else { return nil }
        enqueue(runnable)
        return (changes, events)
    }

    /// Runs `body` on the held run's tracker in place: copying a tracker out and back would copy all its steps.
    func withTracker<T>(_ id: RunID, _ body: (inout RunTracker) throws -> T) rethrows -> T? {
        try trackers.modify(id, body)
    }

    /// Keeps the tracker; a finished run is forgotten only once its final state is durable (`forgetIfFinished`),
    /// so a poll never mistakes it for a run nobody holds.
    func store(_ tracker: RunTracker) {
        trackers[tracker.run.id] = tracker
    }

    /// Only once the run's last queued commit is settled: the settling of an earlier one (its steps may finish in
    /// memory before their changes are durable) must not forget a run whose final state is not in the store yet, or a
    /// poll would find it there unfinished and take it up again.
    func forgetIfFinished(_ id: RunID) {
        let finished = withTracker(id) { tracker in
            tracker.run.state.isTerminal && tracker.queued.isEmpty && (tracker.lastCommit.map { $0.settled != nil } ?? true)
        }
        if finished == true { trackers.remove(id) }
    }

    func enqueue(_ refs: [StepRef]) {
        guard !refs.isEmpty else { return }
        let now = clock.now
        for ref in refs {
            let held = withTracker(ref.run) { tracker in
                tracker.queued.insert(ref.index)
                return tracker.steps[ref.index].system
            }
            guard let system = held else { continue }
            gates.values[gate(for: system, now: now)].queue.append(ref)
        }
        signal()
    }

    /// The system's gate, made on first use: found by its index, so the name is hashed once per use.
    func gate(for system: String, now: Date) -> Dictionary<String, SystemGate>.Index {
        if let gate = gates.index(forKey: system) { return gate }
        gates[system] = SystemGate(system: system, limits: configuration.limits(for: system), now: now)
        return gates.index(forKey: system)!
    }

    // MARK: Timer

    /// The finest step at which the loop wakes for a gate's next token: a bucket refilling at 1,500/s would otherwise
    /// want a timer (a task, a kernel timer and two thread switches) for every call; its tokens accumulate meanwhile
    /// (never for longer than the bucket takes to fill), so the rate is the same, spent a few calls at a time.
    static let gateTick: TimeInterval = 0.002

    private func armTimer(now: Date) {
        var deadline = nextPoll
        for wake in trackers.wakeTimes.values { deadline = min(deadline, wake) }
        if !paused {
            for gate in gates.values where !gate.queue.isEmpty {
                guard let tokens = gate.nextStart(now: now) else { continue }
                let next = max(tokens, pacer.nextConforming(system: gate.system, limits: gate.limits, now: now))
                deadline = min(deadline, max(next, now + min(Self.gateTick, gate.fillTime)))
            }
        }
        if let current = alarm.deadline, current <= deadline, current > now { return }
        alarm.arm(at: deadline)
    }

    // MARK: Reloading

    /// Replaces a run's tracker with what the store holds (after a conflict or a failed commit).
    func reload(_ id: RunID) {
        let queued = trackers[id]?.queued ?? []
        let compensationAttempts = trackers[id]?.compensationAttempts ?? [:]
        let inFlight = (trackers[id]?.unrecordedStarts ?? [:]).map { index, number in
            (index: index, number: number, startedAt: trackers[id]?.steps[index].startedAt)
        }
        trackers.remove(id)
        do {
            guard let stored = try database.storedRuns([id]).first, stored.run.leaseOwner == owner else { return }
            var tracker = RunTracker(stored)
            // A call in flight whose start was never recorded finds its step ready in the store: it is still running.
            for (index, number, startedAt) in inFlight
            where tracker.steps[index].state == .ready && tracker.steps[index].attempts == number - 1 {
                tracker.steps[index].state = .running
                tracker.steps[index].attempts = number
                tracker.steps[index].startedAt = tracker.steps[index].startedAt ?? startedAt
                tracker.unrecordedStarts[index] = number
            }
            tracker.queued = queued.filter { tracker.steps[$0].state == .running || tracker.steps[$0].state == .compensating }
            tracker.compensationAttempts = compensationAttempts
            trackers[id] = tracker
            // Its ready steps go back to their queues (a step whose outcome was lost is called again), or the run
            // would wait for another outcome that may never come.
            advance(id, now: clock.now)
            signal()
        } catch {
            logger.error("could not reload run", metadata: ["run": "\(id)", "error": "\(error)"])
        }
    }

    func loads() -> [SystemLoad] {
        let now = clock.now
        return gates.keys.sorted().compactMap { gates[$0]?.load(now: now) }
    }

    func isLooping() -> Bool { looping }

    func setPaused(_ value: Bool) {
        paused = value
        signal()
    }
}
