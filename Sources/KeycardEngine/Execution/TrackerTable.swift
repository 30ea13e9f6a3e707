import Foundation
import KeycardCore

/// The runs the executor holds, indexed by when each next wants the loop: the loop looks only at runs with a wake-up
/// time, not at every held run on every turn (thousands in a bulk, most of them waiting on a call).
struct TrackerTable {
    private var byID: [RunID: RunTracker] = [:]
    /// `wakeAt` of every held run that has one, kept in step with `byID` by `modify` and the subscript.
    private(set) var wakeTimes: [RunID: Date] = [:]

    /// A read through this subscript copies the tracker into an `Optional` (every step retained), and so does a write
    /// through it: the loop's hot paths use `contains` and `modify`, which lend the tracker in place.
    subscript(id: RunID) -> RunTracker? {
        get { byID[id] }
        set {
            byID[id] = newValue
            noteWake(of: id, newValue?.wakeAt)
        }
    }

    /// Runs `body` on the held run's tracker in its slot of the table (no copy); nil when the run is not held.
    mutating func modify<T>(_ id: RunID, _ body: (inout RunTracker) throws -> T) rethrows -> T? {
        guard let index = byID.index(forKey: id) else { return nil }
        // `wakeAt` is read inside the access: reading it back through `values[index]` copies the whole tracker.
        // `wakeTimes` already holds the wake it had (it is kept in step), so only a changed one is written.
        var wake: (before: Date?, after: Date?) = (nil, nil)
        let result = try Self.lend(&byID.values[index], wake: &wake, body)
        if wake.after != wake.before { noteWake(of: id, wake.after) }
        return result
    }

    private static func lend<T>(
        _ tracker: inout RunTracker, wake: inout (before: Date?, after: Date?), _ body: (inout RunTracker) throws -> T
    ) rethrows -> T {
        wake.before = tracker.wakeAt
        defer { wake.after = tracker.wakeAt }
        return try body(&tracker)
    }

    private mutating func noteWake(of id: RunID, _ wake: Date?) {
        if wake != wakeTimes[id] { wakeTimes[id] = wake }
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
