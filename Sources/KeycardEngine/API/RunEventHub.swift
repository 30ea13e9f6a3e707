import KeycardCore
import Synchronization

/// Fans committed run and step changes out to every subscriber's `AsyncStream`.
final class RunEventHub: Sendable {
    private struct State: Sendable {
        var next = 0
        var subscribers: [Int: AsyncStream<RunEvent>.Continuation] = [:]
    }

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
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers {
            for event in events { subscriber.yield(event) }
        }
    }

    func finish() {
        let subscribers = state.withLock { state in
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
