import KeycardCore
import Synchronization

/// Fans committed run and step changes out to every subscriber's `AsyncStream`, remembers each run's last published
/// state (so waiting for a run this engine finished needs no read of the store), and wakes whoever waits for a run's
/// state only when that run's state is published, not on every event.
final class RunEventHub: Sendable {
    /// One `wait(for:)` in progress.
    private struct Waiter: Sendable {
        var token: Int
        var condition: @Sendable (RunState) -> Bool
        var continuation: CheckedContinuation<RunState?, Never>
    }

    private struct State: Sendable {
        var next = 0
        var subscribers: [Int: AsyncStream<RunEvent>.Continuation] = [:]
        var runStates: [RunID: RunState] = [:]
        var waiters: [RunID: [Waiter]] = [:]
        var finished = false
    }

    /// Runs whose state is remembered at most; beyond, the memory starts afresh (the store still has every state).
    private static let rememberedRuns = 100_000

    private let state = Mutex(State())
    /// How many subscribers there are, read without the lock: events only subscribers see are not even made without
    /// one (a bulk's every start and completion made a step event for nobody).
    private let subscriberCount = Atomic<Int>(0)

    /// Whether anybody subscribes now (one who subscribes meanwhile sees events from the next change on).
    var hasSubscribers: Bool {
        subscriberCount.load(ordering: .relaxed) > 0
    }

    func subscribe() -> AsyncStream<RunEvent> {
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let id = state.withLock { state in
            state.next += 1
            state.subscribers[state.next] = continuation
            subscriberCount.add(1, ordering: .relaxed)
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            let removed = state.withLock { $0.subscribers.removeValue(forKey: id) } != nil
            if removed { subscriberCount.subtract(1, ordering: .relaxed) }
        }
        return stream
    }

    func publish(_ events: [RunEvent]) {
        guard !events.isEmpty else { return }
        var satisfied: [(CheckedContinuation<RunState?, Never>, RunState)] = []
        let subscribers = state.withLock { state in
            for event in events {
                switch event {
                case .runCreated(let run, let runState), .runChanged(let run, let runState):
                    if state.runStates.count >= Self.rememberedRuns && state.runStates[run] == nil {
                        state.runStates.removeAll(keepingCapacity: true)
                    }
                    state.runStates[run] = runState
                    guard let waiting = state.waiters[run] else { continue }
                    let (met, unmet) = waiting.reduce(into: ([Waiter](), [Waiter]())) { split, waiter in
                        if waiter.condition(runState) { split.0.append(waiter) } else { split.1.append(waiter) }
                    }
                    state.waiters[run] = unmet.isEmpty ? nil : unmet
                    satisfied += met.map { ($0.continuation, runState) }
                default:
                    continue
                }
            }
            return state.subscribers.isEmpty ? [] : Array(state.subscribers.values)
        }
        for (continuation, runState) in satisfied { continuation.resume(returning: runState) }
        for subscriber in subscribers {
            for event in events { subscriber.yield(event) }
        }
    }

    /// Waits until the run's state satisfies `condition`: the state this hub last published for it, else `current`
    /// (read from the store), then each state published. Nil when the hub finishes or the task is cancelled first.
    func wait(
        for run: RunID, current: RunState?, until condition: @escaping @Sendable (RunState) -> Bool
    ) async -> RunState? {
        let token = state.withLock { state in
            state.next += 1
            return state.next
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> RunState?? in
                    if state.finished || Task.isCancelled { return .some(nil) }
                    if let known = state.runStates[run] ?? current, condition(known) { return .some(known) }
                    state.waiters[run, default: []].append(
                        Waiter(token: token, condition: condition, continuation: continuation))
                    return .none
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Waiter? in
                guard let index = state.waiters[run]?.firstIndex(where: { $0.token == token }) else { return nil }
                let waiter = state.waiters[run]?.remove(at: index)
                if state.waiters[run]?.isEmpty == true { state.waiters[run] = nil }
                return waiter
            }
            cancelled?.continuation.resume(returning: nil)
        }
    }

    /// The run's state as this engine last published it; nil for a run it has not changed since it started.
    func lastState(of run: RunID) -> RunState? {
        state.withLock { $0.runStates[run] }
    }

    func finish() {
        let (subscribers, waiters) = state.withLock { state in
            defer {
                subscriberCount.subtract(state.subscribers.count, ordering: .relaxed)
                state.subscribers = [:]
                state.waiters = [:]
                state.finished = true
            }
            return (Array(state.subscribers.values), state.waiters.values.flatMap { $0 })
        }
        for subscriber in subscribers { subscriber.finish() }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }
}
