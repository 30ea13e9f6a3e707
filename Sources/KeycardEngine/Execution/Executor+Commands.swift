import Foundation
import KeycardCore
import KeycardStore
import Logging
import DequeModule

/// What became of an operator command.
public enum CommandOutcome: Sendable, Hashable {
    /// Done and committed.
    case applied
    /// Another engine process holds the run; the command waits in the store for it (id of the queued command).
    case queued(Int64)
}

extension Executor {
    /// Applies a command to a run this executor holds (claiming it if nobody does), or queues it for the holder.
    func perform(_ command: OperatorCommand) async throws(EngineError) -> CommandOutcome {
        let now = clock.now
        let id = command.runID
        let takeover: [EngineChange]
        do {
            guard let changes = try ensureTracker(id, now: now) else {
                return .queued(try database.enqueueEngineCommand(command.queued(at: now)))
            }
            takeover = changes
        } catch let error as EngineError {
            throw error
        } catch {
            throw .store(String(describing: error))
        }
        let changes: [EngineChange]
        let events: [RunEvent]
        do {
            (changes, events) = try apply(command, now: now)
        } catch {
            if !looping { release(id) }
            throw error
        }
        let result = await commit(takeover + changes, events: events, of: id).result()
        if !looping { release(id) }
        guard result.isApplied else { throw .store("could not record the command: \(result)") }
        forgetIfFinished(id)
        return .applied
    }

    private func release(_ id: RunID) {
        trackers.remove(id)
        for system in Array(gates.keys) { gates[system]?.queue.removeAll { $0.run == id } }
        try? database.releaseLeases(owner: owner, runs: [id])
    }

    /// Changes the held run in memory as the command says; returns what to commit and publish.
    func apply(_ command: OperatorCommand, now: Date) throws(EngineError) -> ([EngineChange], [RunEvent]) {
        guard var tracker = trackers[command.runID] else {
            throw .invalidState("run \(command.runID) is not held by this engine")
        }
        var touched = Set<Int>()
        var approvalsTouched = Set<Int>()
        var runTouched = false
        switch command {
        case .approve(let stepID, let by, let reason), .deny(let stepID, let by, let reason):
            let approve = if case .approve = command { true } else { false }
            let index = try Self.index(of: stepID, in: tracker)
            guard tracker.steps[index].state == .awaitingApproval, var approval = tracker.approvals[index],
                  approval.status == .pending || approval.status == .escalated
            else {
                throw .invalidState("step \(stepID) is not waiting for approval (it is \(tracker.steps[index].state.rawValue))")
            }
            let role = try rules.role(
                of: by, for: approval, employee: tracker.run.employee, requestedBy: tracker.run.requestedBy)
            approval.decisions.append(Approval.Decision(by: by, approved: approve, reason: reason, at: now, role: role))
            if !approve {
                approval.status = .denied
                tracker.skip(index, cause: .denied, reason: "denied by \(by): \(reason)", now: now)
                touched.insert(index)
            } else if rules.isSatisfied(approval) {
                approval.status = .approved
                tracker.steps[index].state = .pending
                touched.insert(index)
            }
            tracker.approvals[index] = approval
            approvalsTouched.insert(index)
        case .retryStep(let stepID, _):
            let index = try Self.index(of: stepID, in: tracker)
            try retry(index, in: &tracker, touched: &touched, now: now)
            runTouched = true
        case .retryRun(let runID, _):
            let failed = tracker.steps.indices.filter {
                tracker.steps[$0].state == .failed || (tracker.steps[$0].state == .ready && tracker.steps[$0].nextAttemptAt != nil)
            }
            guard !failed.isEmpty else { throw .invalidState("run \(runID) has no failed step to retry") }
            for index in failed { try retry(index, in: &tracker, touched: &touched, now: now) }
            runTouched = true
        case .skip(let stepID, let by, let reason):
            let index = try Self.index(of: stepID, in: tracker)
            let step = tracker.steps[index]
            let skippable: Set<StepState> = [.pending, .ready, .awaitingApproval, .failed]
            guard skippable.contains(step.state), !(step.error ?? "").hasPrefix("compensation") else {
                throw .invalidState("step \(stepID) is \(step.state.rawValue) and cannot be skipped")
            }
            tracker.skip(index, cause: .operator_, reason: "skipped by \(by): \(reason)", now: now)
            tracker.steps[index].needsHuman = false
            touched.insert(index)
            Self.reopenDependants(of: index, in: &tracker, touched: &touched)
            Self.reopen(&tracker)
            runTouched = true
        case .rollback(let runID, let by, let reason):
            let state = tracker.run.state
            guard state != .rolledBack, state != .rollingBack, state != .cancelled, state != .failed else {
                throw .invalidState("run \(runID) is \(state.rawValue) and cannot be rolled back")
            }
            tracker.run.state = .rollingBack
            tracker.run.reason = "rolled back by \(by): \(reason)"
            tracker.run.finishedAt = nil
            runTouched = true
        case .cancel(let runID, let by, let reason):
            guard !tracker.run.state.isTerminal,
                  tracker.steps.allSatisfy({ $0.attempts == 0 && $0.state != .running && $0.state != .succeeded })
            else {
                throw .invalidState("run \(runID) has already started or finished; roll it back instead of cancelling")
            }
            tracker.run.state = .cancelled
            tracker.run.reason = "cancelled by \(by): \(reason)"
            tracker.run.finishedAt = now
            tracker.run.leaseOwner = nil
            tracker.run.leaseExpiresAt = nil
            for index in tracker.steps.indices where !tracker.steps[index].state.isTerminal {
                tracker.skip(index, cause: .cancelled, reason: "cancelled by \(by): \(reason)", now: now)
                touched.insert(index)
            }
            runTouched = true
        }
        var progress = tracker.advance(now: now, settings: configuration.approvals)
        progress.include(changed: touched)
        progress.approvals.formUnion(approvalsTouched)
        progress.run = progress.run || runTouched
        var changes = tracker.changes(for: progress)
        changes.append(.auditEntry(Self.auditEntry(for: command, run: tracker.run, now: now)))
        let events = tracker.events(for: progress)
        store(tracker)
        enqueue(progress.runnable)
        return (changes, events)
    }

    private static func auditEntry(for command: OperatorCommand, run: Run, now: Date) -> AuditEntry {
        let (action, step, actor, reason): (String, StepID?, String, String?) = switch command {
        case .approve(let step, let by, let reason): ("approve", step, by, reason)
        case .deny(let step, let by, let reason): ("deny", step, by, reason)
        case .retryStep(let step, let by): ("retry", step, by, nil)
        case .retryRun(_, let by): ("retry", nil, by, nil)
        case .skip(let step, let by, let reason): ("skip", step, by, reason)
        case .rollback(_, let by, let reason): ("rollback", nil, by, reason)
        case .cancel(_, let by, let reason): ("cancel", nil, by, reason)
        }
        return AuditEntry(
            timestamp: now, runID: run.id.rawValue, stepID: step?.rawValue, employeeID: run.employee.id, action: action,
            approver: action == "approve" ? actor : nil, result: "accepted", actor: actor, detail: reason)
    }

    private func retry(_ index: Int, in tracker: inout RunTracker, touched: inout Set<Int>, now: Date) throws(EngineError) {
        var step = tracker.steps[index]
        if step.state == .failed, (step.error ?? "").hasPrefix("compensation") {
            step.state = .compensating
            tracker.compensationAttempts[index] = 0
            tracker.run.state = .rollingBack
            tracker.run.finishedAt = nil
        } else if step.state == .failed {
            step.state = .ready
            if step.attempts >= step.maxAttempts { step.maxAttempts = step.attempts + 1 }
            Self.reopen(&tracker)
        } else if step.state == .ready, step.nextAttemptAt != nil {
            step.nextAttemptAt = nil
        } else {
            throw .invalidState(
                "step \(step.id) is \(step.state.rawValue); only failed steps or steps waiting to retry can be retried")
        }
        step.nextAttemptAt = nil
        step.needsHuman = false
        step.finishedAt = nil
        tracker.steps[index] = step
        touched.insert(index)
        Self.reopenDependants(of: index, in: &tracker, touched: &touched)
    }

    /// Steps skipped only because this one failed get another chance.
    private static func reopenDependants(of index: Int, in tracker: inout RunTracker, touched: inout Set<Int>) {
        var work = tracker.dependants[index]
        while let next = work.popLast() {
            guard tracker.steps[next].state == .skipped, tracker.steps[next].skipCause == .dependency else { continue }
            tracker.steps[next].state = .pending
            tracker.steps[next].skipCause = nil
            tracker.steps[next].skipReason = nil
            tracker.steps[next].finishedAt = nil
            touched.insert(next)
            work += tracker.dependants[next]
        }
    }

    private static func reopen(_ tracker: inout RunTracker) {
        if tracker.run.state == .succeeded || tracker.run.state == .completedWithFailures {
            tracker.run.state = .running
            tracker.run.finishedAt = nil
        }
    }

    static func index(of stepID: StepID, in tracker: RunTracker) throws(EngineError) -> Int {
        guard let index = tracker.steps.firstIndex(where: { $0.id == stepID }) else {
            throw .notFound(kind: "step", id: stepID.rawValue)
        }
        return index
    }
}
