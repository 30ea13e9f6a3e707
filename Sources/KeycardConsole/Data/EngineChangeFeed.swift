import KeycardCore
import Synchronization

/// Turns the engine's `RunEvent`s (and pokes from outside the engine, like intake) into the console's change ticks:
/// a burst of events becomes one tick, and ticks are at least `interval` apart, so a busy engine does not make the
/// console reload in a loop. Nothing runs while nothing happens: no timer, no polling.
final class EngineChangeFeed: Sendable {
    private let interval: Duration
    private let pokes = Mutex<[Int: AsyncStream<Void>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    init(interval: Duration) {
        self.interval = interval
    }

    /// A new tick stream over `events` (and `external` changes); it ends when the consumer stops iterating.
    func ticks(from events: AsyncStream<RunEvent>, external: AsyncStream<Void>? = nil) -> AsyncStream<Void> {
        let (dirty, dirtyContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let (ticks, tickContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextID.add(1, ordering: .relaxed).newValue
        pokes.withLock { $0[id] = dirtyContinuation }
        let forward = Task {
            for await _ in events { dirtyContinuation.yield() }
        }
        let forwardExternal = Task {
            guard let external else { return }
            for await _ in external { dirtyContinuation.yield() }
        }
        let interval = self.interval
        let throttle = Task {
            for await _ in dirty {
                tickContinuation.yield()
                try? await Task.sleep(for: interval)
            }
        }
        tickContinuation.onTermination = { [weak self] _ in
            forward.cancel()
            forwardExternal.cancel()
            throttle.cancel()
            _ = self?.pokes.withLock { $0.removeValue(forKey: id) }
        }
        return ticks
    }

    /// Something changed that the engine does not publish (an intake delivery, a dead letter resolved).
    func poke() {
        for continuation in pokes.withLock({ Array($0.values) }) { continuation.yield() }
    }
}
