import Foundation
import KeycardCore
import KeycardStore

/// One run held in memory by the executor that leases it: its steps, approvals, and the rules that move them.
/// Every change it makes is reported so the executor can commit it (in order) before anyone is told of it.
struct RunTracker {
    var run: Run
    var steps: [Step]
    var approvals: [Int: Approval]
    let dependencies: [[Int]]
    let dependants: [[Int]]
    /// Steps sitting in a system queue or being executed by this process.
    var queued = StepIndexSet()
    var compensationAttempts: [Int: Int] = [:]
    /// Steps whose attempt is in flight without its start in the store (a call safe to repeat): index → attempt number.
    /// The attempt is written once, with its outcome; a crash before that leaves the step ready, to be repeated.
    var unrecordedStarts: [Int: Int] = [:]
    /// The earliest time something in the run changes on its own (a retry, a due time, an approval expiry).
    var wakeAt: Date?
    /// The commit that creates the run, kept while this process has just submitted it: the run's calls wait for it
    /// (the run must outlive a crash to be resumed and audited; its idempotency keys name it).
    var creation: CommitTicket?
    /// The last commit queued for the run: events that need no commit of their own go out after it, in order.
    var lastCommit: CommitTicket?

    init(_ stored: StoredRun) {
        run = stored.run
        let ordered = stored.steps.indices.dropFirst().allSatisfy { stored.steps[$0 - 1].index < stored.steps[$0].index }
        let steps = ordered ? stored.steps : stored.steps.sorted { $0.index < $1.index }
        self.steps = steps
        // Index loops: `steps.map { }` and `enumerated()` hand the closure a copy of each whole step.
        let positions = StepPositions(steps.indices.map { steps[$0].id })
        var dependencies: [[Int]] = []
        dependencies.reserveCapacity(steps.count)
        for index in steps.indices { dependencies.append(steps[index].dependencies.compactMap { positions[$0] }) }
        self.dependencies = dependencies
        var dependants = Array(repeating: [Int](), count: steps.count)
        for (index, list) in dependencies.enumerated() {
            for dependency in list { dependants[dependency].append(index) }
        }
        self.dependants = dependants
        var approvals: [Int: Approval] = [:]
        for approval in stored.approvals {
            if let index = positions[approval.stepID] { approvals[index] = approval }
        }
        self.approvals = approvals
    }

    /// Where each step id sits in `steps`: a scan of a run's few ids (nothing to hash), a table for long runs.
    private struct StepPositions {
        let ids: [StepID]
        let table: [StepID: Int]?

        init(_ ids: [StepID]) {
            self.ids = ids
            table = ids.count > 16 ? Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) : nil
        }

        subscript(id: StepID) -> Int? {
            if let table { return table[id] }
            for index in ids.indices where ids[index] == id { return index }
            return nil
        }
    }

    /// What one pass of `advance` changed and found runnable.
    struct Progress {
        var steps = StepIndexSet()
        var run = false
        var approvals = StepIndexSet()
        var runnable: [StepRef] = []
        /// Succeeded steps leaving `succeeded` whose first attempt only their row recorded: written out now.
        var impliedAttempts = StepIndexSet()
        /// Steps of `steps` that only became ready: nothing to write, the store derives readiness (`StepReadiness`).
        var readied = StepIndexSet()

        var isEmpty: Bool { steps.isEmpty && !run && approvals.isEmpty }

        /// Steps changed outside `advance`: written whole, whatever `advance` also did to them.
        mutating func include(changed indices: some Sequence<Int>) {
            for index in indices {
                steps.insert(index)
                readied.remove(index)
            }
        }
    }

    // MARK: Moving forward

    /// Applies every rule that time or finished steps allow, until nothing more changes.
    mutating func advance(now: Date, settings: ApprovalSettings) -> Progress {
        var progress = Progress()
        guard !run.state.isTerminal else { return progress }
        var changed = true
        while changed {
            changed = false
            if startRollbackIfCriticalFailed(now: now) {
                progress.run = true
                changed = true
            }
            for index in steps.indices where updateStep(index, now: now, settings: settings, progress: &progress) {
                progress.steps.insert(index)
                // A step that only became ready changes nothing another rule reads (they read failures, skips,
                // successes and compensations): it needs no further pass.
                if steps[index].state != .ready || !progress.readied.contains(index) { changed = true }
            }
        }
        collectRunnable(now: now, progress: &progress)
        if updateRunState(now: now, runnable: !progress.runnable.isEmpty) { progress.run = true }
        return progress
    }

    private mutating func startRollbackIfCriticalFailed(now: Date) -> Bool {
        guard run.state != .rollingBack,
              let failed = firstStep(where: { steps[$0].state == .failed && steps[$0].critical && !steps[$0].needsHuman })
        else { return false }
        run.state = .rollingBack
        run.reason = "critical step \(steps[failed].label) failed: \(steps[failed].error ?? "unknown error")"
        return true
    }

    private var stopping: Bool { run.state == .rollingBack || run.state == .cancelled }

    private mutating func updateStep(_ index: Int, now: Date, settings: ApprovalSettings, progress: inout Progress) -> Bool {
        switch steps[index].state {
        case .pending, .ready, .awaitingApproval:
            if stopping {
                skip(index, cause: run.state == .cancelled ? .cancelled : .rollback,
                     reason: run.state == .cancelled ? "run cancelled" : "run rolled back", now: now)
                return true
            }
            if steps[index].state == .awaitingApproval {
                return expireApproval(index, now: now, settings: settings, progress: &progress)
            }
            if let blocker = firstBlocker(of: index) {
                skip(index, cause: .dependency, reason: "needs \(steps[blocker].label), which \(outcome(of: blocker))", now: now)
                return true
            }
            if steps[index].state == .pending, dependenciesSatisfied(index) {
                steps[index].state = .ready
                progress.readied.insert(index)
                return true
            }
            return false
        case .succeeded:
            if run.state == .rollingBack, steps[index].compensation != nil, steps[index].compensationConfirmationID == nil {
                if steps[index].attempts == 1 { progress.impliedAttempts.insert(index) }
                steps[index].state = .compensating
                steps[index].error = nil
                steps[index].nextAttemptAt = nil
                return true
            }
            return false
        default:
            return false
        }
    }

    // Loops over indices, not `steps.contains { }`: a sequence algorithm hands each step to the closure as a copy.
    private func firstStep(where predicate: (Int) -> Bool) -> Int? {
        for index in steps.indices where predicate(index) { return index }
        return nil
    }

    private func anyStep(_ predicate: (Int) -> Bool) -> Bool {
        firstStep(where: predicate) != nil
    }

    // Loops, not `first(where: blocksDependants)`: a method passed as a closure captures (copies) the whole tracker,
    // once per step and pass of `advance`.
    private func firstBlocker(of index: Int) -> Int? {
        for dependency in dependencies[index] where blocksDependants(dependency) { return dependency }
        return nil
    }

    private func dependenciesSatisfied(_ index: Int) -> Bool {
        for dependency in dependencies[index] where !satisfiesDependants(dependency) { return false }
        return true
    }

    // `Step.blocksDependants` and `satisfiesDependants`, read field by field: calling them on `steps[i]` copies the
    // whole step (a cross-module getter), which made this loop the executor's hottest code.
    private func blocksDependants(_ index: Int) -> Bool {
        switch steps[index].state {
        case .failed: return !steps[index].needsHuman
        case .skipped: return !(steps[index].skipCause?.satisfiesDependants ?? false)
        case .compensating, .compensated: return true
        default: return false
        }
    }

    private func satisfiesDependants(_ index: Int) -> Bool {
        switch steps[index].state {
        case .succeeded: return true
        case .skipped: return steps[index].skipCause?.satisfiesDependants ?? false
        default: return false
        }
    }

    private func outcome(of index: Int) -> String {
        let step = steps[index]
        switch step.state {
        case .failed: return "failed: \(step.error ?? "unknown error")"
        case .skipped: return "was skipped: \(step.skipReason ?? "no reason given")"
        default: return "was \(step.state.rawValue)"
        }
    }

    private mutating func expireApproval(_ index: Int, now: Date, settings: ApprovalSettings, progress: inout Progress) -> Bool {
        guard var approval = approvals[index] else {
            steps[index].state = .pending
            return true
        }
        guard approval.expiresAt <= now, approval.status == .pending || approval.status == .escalated else { return false }
        if approval.status == .pending, settings.onExpiry == .escalate, let group = settings.escalationGroup {
            approval.status = .escalated
            approval.escalatedTo = group
            approval.expiresAt = now.addingTimeInterval(settings.expiresAfter)
            approvals[index] = approval
            progress.approvals.insert(index)
            return false
        }
        approval.status = .expired
        approvals[index] = approval
        progress.approvals.insert(index)
        skip(index, cause: .denied, reason: "approval expired at \(Timestamps.format(approval.expiresAt))", now: now)
        return true
    }

    mutating func skip(_ index: Int, cause: SkipCause, reason: String, now: Date) {
        if steps[index].state != .running { queued.remove(index) }
        steps[index].state = .skipped
        steps[index].skipCause = cause
        steps[index].skipReason = reason
        steps[index].finishedAt = now
        steps[index].nextAttemptAt = nil
    }

    private mutating func collectRunnable(now: Date, progress: inout Progress) {
        wakeAt = nil
        for index in steps.indices where !queued.contains(index) {
            switch steps[index].state {
            case .ready where !stopping:
                let due = max(steps[index].dueAt ?? .distantPast, steps[index].nextAttemptAt ?? .distantPast)
                if due <= now {
                    progress.runnable.append(StepRef(run: run.id, index: index, compensation: false))
                } else {
                    wakeAt = min(wakeAt ?? due, due)
                }
            case .compensating where run.state == .rollingBack:
                let blocked = dependants[index].contains { steps[$0].state == .running || steps[$0].state == .compensating }
                guard !blocked else { continue }
                let due = steps[index].nextAttemptAt ?? .distantPast
                if due <= now {
                    progress.runnable.append(StepRef(run: run.id, index: index, compensation: true))
                } else {
                    wakeAt = min(wakeAt ?? due, due)
                }
            case .awaitingApproval:
                if let expiry = approvals[index]?.expiresAt { wakeAt = min(wakeAt ?? expiry, expiry) }
            default:
                break
            }
        }
    }

    private mutating func updateRunState(now: Date, runnable: Bool) -> Bool {
        let before = RunFields(run)
        let busy = runnable || !queued.isEmpty || anyStep { steps[$0].state == .running }
        if run.state == .rollingBack {
            if !busy, !anyStep({ steps[$0].state == .compensating || steps[$0].state == .running }) {
                let compensationFailed = anyStep {
                    steps[$0].state == .failed && (steps[$0].error ?? "").hasPrefix("compensation")
                }
                run.state = compensationFailed ? .failed : .rolledBack
                run.finishedAt = now
                run.leaseOwner = nil
                run.leaseExpiresAt = nil
            }
        } else if run.state == .cancelled {
            if !busy {
                run.finishedAt = run.finishedAt ?? now
                run.leaseOwner = nil
                run.leaseExpiresAt = nil
            }
        } else if !anyStep({ !steps[$0].state.isTerminal || steps[$0].needsHuman }) {
            run.state = anyStep { steps[$0].state == .failed } ? .completedWithFailures : .succeeded
            run.finishedAt = now
            run.leaseOwner = nil
            run.leaseExpiresAt = nil
        } else if busy {
            run.state = .running
            run.startedAt = run.startedAt ?? now
        } else if anyStep({ steps[$0].state == .awaitingApproval }) {
            run.state = .awaitingApproval
        } else if run.startedAt == nil {
            run.state = .scheduled
        } else {
            run.state = .running
        }
        return RunFields(run) != before
    }

    /// The run fields `updateRunState` may change: comparing these instead of the whole run (employee included)
    /// keeps a step completion cheap.
    private struct RunFields: Equatable {
        var state: RunState
        var startedAt: Date?
        var finishedAt: Date?
        var leaseOwner: String?
        var leaseExpiresAt: Date?

        init(_ run: Run) {
            state = run.state
            startedAt = run.startedAt
            finishedAt = run.finishedAt
            leaseOwner = run.leaseOwner
            leaseExpiresAt = run.leaseExpiresAt
        }
    }

    // MARK: Committing

    /// The store changes for what `progress` says changed.
    func changes(for progress: Progress) -> [EngineChange] {
        var changes: [EngineChange] = []
        append(changesFor: progress, to: &changes)
        return changes
    }

    /// `changes(for:)`, appended to `changes` (the list a completion has begun).
    func append(changesFor progress: Progress, to changes: inout [EngineChange]) {
        changes.reserveCapacity(changes.count + progress.impliedAttempts.count + progress.steps.count + 2)
        for index in progress.impliedAttempts {
            if let attempt = StepAttempt.implied(by: steps[index]) { changes.append(.insertAttempt(attempt, runID: run.id)) }
        }
        for index in progress.steps where !(progress.readied.contains(index) && steps[index].state == .ready) {
            changes.append(.updateStep(steps[index], expecting: nil))
        }
        for index in progress.approvals {
            if let approval = approvals[index] { changes.append(.saveApproval(approval)) }
        }
        if progress.run { changes.append(.updateRun(run)) }
    }

    /// The events for what `progress` says changed; without step events when `includingSteps` is false (nobody
    /// subscribes to them: run events still update who waits for a run).
    func events(for progress: Progress, includingSteps: Bool = true) -> [RunEvent] {
        var events: [RunEvent] = includingSteps ? progress.steps.map { .stepChanged(steps[$0].id, steps[$0].state) } : []
        for index in progress.approvals {
            if let approval = approvals[index] { events.append(.approvalDecided(approval.stepID, approval.status)) }
        }
        if progress.run { events.append(.runChanged(run.id, run.state)) }
        return events
    }

    var stored: StoredRun {
        StoredRun(run: run, steps: steps, approvals: approvals.keys.sorted().compactMap { approvals[$0] })
    }
}
