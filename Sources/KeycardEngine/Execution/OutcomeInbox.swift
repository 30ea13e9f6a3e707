import KeycardCore
import Synchronization

/// Calls' outcomes, handed from the tasks that made the calls to the loop, which records them all in its next turn:
/// a call costs no hop onto the executor of its own.
final class OutcomeInbox: Sendable {
    /// One finished call.
    struct Outcome: Sendable {
        var ref: StepRef
        var system: String
        var attempt: StepAttempt
        var result: Result<AdapterConfirmation, AdapterError>
        var latency: Double
    }

    private let items = Mutex<[Outcome]>([])

    /// Returns whether the inbox was empty: only then does the loop need a ring (it takes everything at once).
    func post(_ outcome: Outcome) -> Bool {
        items.withLock { items in
            items.append(outcome)
            return items.count == 1
        }
    }

    /// Everything posted so far, in the order it was posted.
    func take() -> [Outcome] {
        var batch: [Outcome] = []
        take(into: &batch)
        return batch
    }

    /// Moves everything posted so far into `batch`, whose emptied buffer the inbox keeps for the next posts: the loop
    /// takes its outcomes every turn, and handing out the inbox's own buffer made the inbox allocate one as large
    /// each time, even when it was empty.
    func take(into batch: inout [Outcome]) {
        batch.removeAll(keepingCapacity: true)
        items.withLock { items in swap(&items, &batch) }
    }
}
