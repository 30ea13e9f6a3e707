import KeycardCore
import Synchronization

/// What the loop's helpers hand to the loop (calls' outcomes, runs whose last commit is durable), which takes them all
/// in its next turn: a hand-over costs no hop onto the executor of its own.
final class LoopInbox<Item: Sendable>: Sendable {
    private let items = Mutex<[Item]>([])

    /// Returns whether the inbox was empty: only then does the loop need a ring (it takes everything at once).
    func post(_ item: Item) -> Bool {
        items.withLock { items in
            items.append(item)
            return items.count == 1
        }
    }

    /// Everything posted so far, in the order it was posted.
    func take() -> [Item] {
        var batch: [Item] = []
        take(into: &batch)
        return batch
    }

    /// Moves everything posted so far into `batch`, whose emptied buffer the inbox keeps for the next posts: the loop
    /// takes its items every turn, and handing out the inbox's own buffer made the inbox allocate one as large
    /// each time, even when it was empty.
    func take(into batch: inout [Item]) {
        batch.removeAll(keepingCapacity: true)
        items.withLock { items in swap(&items, &batch) }
    }
}

/// One finished call, as its task hands it to the loop.
struct CallOutcome: Sendable {
    var ref: StepRef
    var system: String
    var attempt: StepAttempt
    var result: Result<AdapterConfirmation, AdapterError>
    var latency: Double
}
