import Foundation
import KeycardCore
import KeycardStore
import Synchronization

/// Commits concurrent deliveries together: while one transaction is being written, new deliveries
/// queue up and go into the next one, so one fsync acknowledges many webhooks.
final class GroupCommitter: Sendable {
    private struct Pending: Sendable {
        var delivery: RawDelivery
        var items: [DeliveryItem]
        var continuation: CheckedContinuation<[IngestOutcome], any Error>
    }

    private struct State: Sendable {
        var queue: [Pending] = []
        var writing = false
    }

    private let database: KeycardDatabase
    private let clock: any KeycardClock
    private let state = Mutex(State())
    private let maxBatch = 1024

    init(database: KeycardDatabase, clock: any KeycardClock) {
        self.database = database
        self.clock = clock
    }

    func commit(_ delivery: RawDelivery, items: [DeliveryItem]) async throws -> [IngestOutcome] {
        try await withCheckedThrowingContinuation { continuation in
            let startWriter = state.withLock { state in
                state.queue.append(Pending(delivery: delivery, items: items, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if startWriter {
                Task { await self.drain() }
            }
        }
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
                return take
            }
            if batch.isEmpty { return }
            do {
                let outcomes = try await database.ingestAsync(batch.map { ($0.delivery, $0.items) }, now: clock.now)
                for (pending, outcome) in zip(batch, outcomes) {
                    pending.continuation.resume(returning: outcome)
                }
            } catch {
                for pending in batch {
                    pending.continuation.resume(throwing: error)
                }
            }
        }
    }
}
