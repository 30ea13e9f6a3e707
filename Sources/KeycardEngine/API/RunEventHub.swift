import KeycardCore
import Synchronization

/// Fans committed run and step changes out to every subscriber's `AsyncStream`, and remembers each run's last
/// published state (so waiting for a run this engine finished needs no read of the store).
final class RunEventHub: Sendable {
    private struct State: Sendable {
        var next = 0
        var subscribers: [Int: AsyncStream<RunEvent>.Continuation] = [:]
        var runStates: [RunID: RunState] = [:]
    }

    /// Runs whose state is remembered at most; beyond, the memory starts afresh (the store still has every state).
    private static let rememberedRuns = 100_000

    private let state = Mutex(State())

    func subscribe() -> AsyncStream<RunEvent> {
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let id = state.withLock { state in
            state.next += 1
            state.subscribers[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ events: [RunEvent]) {
        guard !events.isEmpty else { return }
        let subscribers = state.withLock { state in
            for event in events {
                switch event {
                case .runCreated(let run, let runState), .runChanged(let run, let runState):
                    if state.runStates.count >= Self.rememberedRuns && state.runStates[run] == nil {
                        state.runStates.removeAll(keepingCapacity: true)
                    }
                    state.runStates[run] = runState
                default:
                    continue
                }
            }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers {
            for event in events { subscriber.yield(event) }
        }
    }

    /// The run's state as this engine last published it; nil for a run it has not changed since it started.
    func lastState(of run: RunID) -> RunState? {
        state.withLock { $0.runStates[run] }
    }

    func finish() {
        let subscribers = state.withLock { state in
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
