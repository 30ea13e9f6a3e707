import Foundation

/// The console's only state transition: `(state, action) → (state, effects)`. Pure: no I/O, no clock.
public enum ConsoleReducer {
    public static func reduce(_ state: ConsoleState, _ action: ConsoleAction) -> (ConsoleState, [Effect]) {
        var next = state
        let effects = reduce(&next, action)
        return (next, effects)
    }

    public static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [Effect] {
        switch action {
        case .move(let move): moveCursor(&state, move)
        case .select(let row): state.position.move(to: row, ids: state.rowIDs(for: state.route), page: ConsoleLayout.pageSize(state))
        case .drillDown: return drillDown(&state)
        case .back: return back(&state)
        case .show(let kind): return show(&state, kind)
        case .openHelp:
            if state.route != .help { state.stack.append(.help) }
        case .beginCommand: state.mode = .command("")
        case .beginFilter: state.mode = .filter(state.filterText)
        case .insertText(let text): insert(&state, text)
        case .deleteBackward: deleteBackward(&state)
        case .submitInput: return submit(&state)
        case .cancelInput: cancel(&state)
        case .toggleFocus:
            if var dialog = state.dialog, dialog.stage == .confirm {
                dialog.focus = dialog.focus == .cancel ? .confirm : .cancel
                state.dialog = dialog
            }
        case .approve, .deny, .retry, .skip, .rollback, .togglePause, .retryAllFailedForSystem, .replay, .discard:
            return operate(&state, action)
        case .toggleTimeline:
            if state.kind == .run { state.timelineShown.toggle() } else { state.flash = .error("t toggles the timeline in the Run view") }
        case .cycleSort: cycleSort(&state)
        case .reverseSort:
            if var sort = state.sorts[state.kind] {
                sort.descending.toggle()
                state.sorts[state.kind] = sort
                followAll(&state)
            }
        case .refresh: return [.reload(state.focus)]
        case .quit:
            state.quitRequested = true
            return [.quit]
        case .snapshotLoaded(let snapshot):
            if state.dialog != nil {
                state.pendingSnapshot = snapshot
            } else {
                apply(&state, snapshot)
            }
        case .resized(let width, let height):
            state.width = width
            state.height = height
            followAll(&state)
        case .tick(let now): state.now = now
        case .commandFinished(let message, let failed): state.flash = Flash(message, level: failed ? .error : .info)
        case .clearFlash: state.flash = nil
        }
        return []
    }

    static func apply(_ state: inout ConsoleState, _ snapshot: ConsoleSnapshot) {
        state.snapshot = snapshot
        state.pendingSnapshot = nil
        state.now = max(state.now, snapshot.takenAt)
        followAll(&state)
    }

    static func followAll(_ state: inout ConsoleState) {
        let page = ConsoleLayout.pageSize(state)
        for route in state.stack {
            var position = state.positions[route] ?? ListPosition()
            position.follow(ids: state.rowIDs(for: route), page: page)
            state.positions[route] = position
        }
    }

    static func moveCursor(_ state: inout ConsoleState, _ move: CursorMove) {
        let ids = state.rowIDs(for: state.route)
        let page = ConsoleLayout.pageSize(state)
        let cursor = state.position.cursor
        let target: Int
        switch move {
        case .up: target = cursor - 1
        case .down: target = cursor + 1
        case .top: target = 0
        case .bottom: target = ids.count - 1
        case .pageUp: target = cursor - page
        case .pageDown: target = cursor + page
        case .left, .right:
            guard case .run = state.route, let detail = state.currentRunDetail else { return }
            target = adjacentTierStep(detail, cursor: cursor, forward: move == .right)
        }
        state.position.move(to: target, ids: ids, page: page)
    }

    /// The step at the same row of the next (or previous) tier, for ←/→ in the graph.
    static func adjacentTierStep(_ detail: RunDetailModel, cursor: Int, forward: Bool) -> Int {
        var start = 0
        for (index, tier) in detail.tiers.enumerated() {
            if cursor < start + tier.steps.count {
                let row = cursor - start
                let otherIndex = forward ? index + 1 : index - 1
                guard detail.tiers.indices.contains(otherIndex) else { return cursor }
                let otherStart = detail.tiers[..<otherIndex].reduce(0) { $0 + $1.steps.count }
                let other = detail.tiers[otherIndex]
                return other.steps.isEmpty ? cursor : otherStart + min(row, other.steps.count - 1)
            }
            start += tier.steps.count
        }
        return cursor
    }

    static func push(_ state: inout ConsoleState, _ route: Route, selecting id: String? = nil) -> [Effect] {
        if let id { state.positions[route] = ListPosition(selectedID: id) }
        state.stack.append(route)
        return [.reload(state.focus)]
    }

    static func drillDown(_ state: inout ConsoleState) -> [Effect] {
        guard let id = state.selectedID else {
            if state.kind != .step && state.kind != .help { state.flash = .error("nothing selected") }
            return []
        }
        switch state.route {
        case .list(.runs), .employee: return push(&state, .run(id: id))
        case .list(.failures):
            guard let failure = state.selectedFailure else { return [] }
            return push(&state, .run(id: failure.runID), selecting: failure.stepID)
        case .list(.approvals):
            guard let approval = state.selectedApproval else { return [] }
            return push(&state, .run(id: approval.runID), selecting: approval.stepID)
        case .list(.employees): return push(&state, .employee(id: id))
        case .list(.events):
            guard let runID = state.selectedEvent?.runID else {
                state.flash = .error("event \(id) has no run")
                return []
            }
            return push(&state, .run(id: runID))
        case .list(.audit):
            guard let row = state.snapshot.audit.first(where: { $0.rowID == id }) else { return [] }
            return push(&state, .run(id: row.runID))
        case .list(.systems):
            state.filters[.failures] = "system:\(id)"
            state.stack = [.list(.failures)]
            followAll(&state)
            return []
        case .run(let runID): return push(&state, .step(runID: runID, stepID: id))
        default: return []
        }
    }

    static func back(_ state: inout ConsoleState) -> [Effect] {
        if state.stack.count > 1 {
            let focus = state.focus
            state.stack.removeLast()
            followAll(&state)
            return focus == state.focus ? [] : [.reload(state.focus)]
        }
        if !state.filterText.isEmpty {
            state.filters[state.kind] = nil
            followAll(&state)
        }
        return []
    }

    static func show(_ state: inout ConsoleState, _ kind: ViewKind) -> [Effect] {
        if kind == .help {
            return reduce(&state, .openHelp)
        }
        guard ViewKind.topLevel.contains(kind) else { return [] }
        let focus = state.focus
        state.stack = [.list(kind)]
        followAll(&state)
        return focus == state.focus ? [] : [.reload(state.focus)]
    }

    static func cycleSort(_ state: inout ConsoleState) {
        let keys = sortKeys[state.kind] ?? []
        guard !keys.isEmpty else {
            state.flash = .error("\(state.kind.title) cannot be sorted")
            return
        }
        let current = state.sorts[state.kind]
        let nextIndex = current.flatMap { keys.firstIndex(of: $0.key) }.map { $0 + 1 } ?? 0
        if nextIndex < keys.count {
            state.sorts[state.kind] = SortSpec(key: keys[nextIndex], descending: keys[nextIndex] == "started")
            state.flash = Flash("sorted by \(keys[nextIndex])")
        } else {
            state.sorts[state.kind] = nil
            state.flash = Flash("natural order")
        }
        followAll(&state)
    }

    /// Sort keys `o` cycles through, per view.
    public static let sortKeys: [ViewKind: [String]] = [
        .runs: ["started", "employee", "state", "progress"], .failures: ["failed", "employee", "system"],
        .approvals: ["age", "employee", "expiry"], .employees: ["name", "department"], .systems: ["name", "queue"],
        .events: ["received", "employee"],
    ]
}
