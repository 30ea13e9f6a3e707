import KeycardCore
import KeycardStore

/// What a queued group of changes means for the order of commits: its size, the run it creates, the runs it touches.
struct GroupFootprint: Sendable, Equatable {
    /// Rows the group writes, about: what a transaction's size is measured in.
    var rows: Int
    var creates: RunID?
    /// nil when not known (a pause, an operator's note): every run created before it is committed first.
    var touches: [RunID]?

    init(rows: Int, creates: RunID? = nil, touches: [RunID]?) {
        self.rows = rows
        self.creates = creates
        self.touches = touches
    }

    init(_ changes: [EngineChange]) {
        rows = 0
        var runs: [RunID] = []
        var known = true
        func touch(_ run: RunID) { if !runs.contains(run) { runs.append(run) } }
        for change in changes {
            switch change {
            case .insertRun(let run, let steps, let approvals, _):
                rows += 1 + steps.count + approvals.count
                creates = run.id
                touch(run.id)
                continue
            case .updateRun(let run): touch(run.id)
            case .saveStepState(let row, _): touch(row.runID)
            case .insertAttempt(_, let run), .finishAttempt(_, let run): touch(run)
            case .saveApproval(let approval): touch(approval.runID)
            case .insertCommand(let command): touch(command.runID)
            case .audit(let evidence): touch(evidence.runID)
            case .setPaused, .finishCommand, .auditEntry: known = false
            }
            rows += 1
        }
        touches = known ? runs : nil
    }
}

/// Chooses the next transaction from the writer's queue: step transitions first, in the order they were queued,
/// each preceded by the creation of its run if that is still queued; then new runs in the room left. A burst of
/// submitted runs (thousands of step rows) so never holds back the starts and outcomes of runs already going.
enum CommitBatch {
    /// Positions in `queue` to commit next, in commit order; at least one when the queue is not empty.
    static func select(_ queue: [GroupFootprint], maxRows: Int) -> [Int] {
        var creation: [RunID: Int] = [:]
        for (position, group) in queue.enumerated() {
            if let run = group.creates { creation[run] = position }
        }
        var chosen: [Int] = []
        chosen.reserveCapacity(queue.count)
        var taken = [Bool](repeating: false, count: queue.count)
        var rows = 0
        for (position, group) in queue.enumerated() where group.creates == nil {
            var needed: [Int] = []
            if let touches = group.touches {
                if !creation.isEmpty {
                    needed = touches.compactMap { creation[$0] }.filter { $0 < position && !taken[$0] }.sorted()
                }
            } else {
                needed = (0..<position).filter { queue[$0].creates != nil && !taken[$0] }
            }
            let cost = needed.reduce(group.rows) { $0 + queue[$1].rows }
            if !chosen.isEmpty && rows + cost > maxRows { return chosen }
            for earlier in needed {
                chosen.append(earlier)
                taken[earlier] = true
            }
            chosen.append(position)
            taken[position] = true
            rows += cost
        }
        for (position, group) in queue.enumerated() where group.creates != nil && !taken[position] {
            if !chosen.isEmpty && rows + group.rows > maxRows { break }
            chosen.append(position)
            rows += group.rows
        }
        return chosen
    }
}
