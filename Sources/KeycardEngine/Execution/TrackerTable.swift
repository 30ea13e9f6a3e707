import Foundation
import KeycardCore

/// The runs the executor holds, indexed by when each next wants the loop: the loop looks only at runs with a wake-up
/// time, not at every held run on every turn (thousands in a bulk, most of them waiting on a call).
struct TrackerTable {
    private var byID: [RunID: RunTracker] = [:]
    /// `wakeAt` of every held run that has one, kept in step with `byID` by the subscript.
    private(set) var wakeTimes: [RunID: Date] = [:]

    /// A read through this subscript copies the tracker into an `Optional` (every step retained): the loop's hot paths
    /// use `contains` and `Executor.withTracker`, which lends it in place through `_modify`.
    subscript(id: RunID) -> RunTracker? {
        _read { yield byID[id] }
        _modify {
            yield &byID[id]
            let wake = byID[id]?.wakeAt
            if wake != wakeTimes[id] { wakeTimes[id] = wake }
        }
    }

    func contains(_ id: RunID) -> Bool {
        byID.index(forKey: id) != nil
    }

    var ids: Dictionary<RunID, RunTracker>.Keys { byID.keys }
    var all: Dictionary<RunID, RunTracker>.Values { byID.values }

    @discardableResult
    mutating func remove(_ id: RunID) -> RunTracker? {
        wakeTimes.removeValue(forKey: id)
        return byID.removeValue(forKey: id)
    }

    mutating func removeAll() {
        byID = [:]
        wakeTimes = [:]
    }
}
