import Foundation
import KeycardCore
import KeycardStore
import Logging
import DequeModule

extension Executor {
    /// Records an attempt's outcome, decides retry / failure / success, moves the run on, and commits it all at once.
    func complete(_ finished: CallOutcome) {
        let (ref, system, attempt, outcome, latency) =
            (finished.ref, finished.system, finished.attempt, finished.result, finished.latency)
        let now = clock.now
        var rateLimited = false
        var retryAfter: Double?
        if case .failure(let error) = outcome, error.kind == .rateLimited {
            rateLimited = true
            retryAfter = error.retryAfter
        }
        if let gate = gates.index(forKey: system) {
            gates.values[gate].finish(now: now, latency: latency, rateLimited: rateLimited, retryAfter: retryAfter)
        }
        guard isCurrent(attempt, of: ref) else {
            logger.warning("dropped the outcome of an attempt the run no longer holds (reloaded meanwhile); it is repeated",
                           metadata: ["run": "\(ref.run)", "step": "\(attempt.stepID)", "attempt": "\(attempt.number)"])
            return
        }
        let retry = configuration.retry
        let settings = configuration.approvals
        let stepEvents = hub.hasSubscribers
        var unit = 0.0
        if case .failure = outcome { unit = Double.random(in: 0..<1, using: &random) }
        let recorded = withTracker(ref.run) { tracker -> ([EngineChange], [RunEvent], [StepRef]) in
            tracker.queued.remove(ref.index)
            let startRecorded = ref.compensation || tracker.unrecordedStarts.removeValue(forKey: ref.index) == nil
            var attempt = attempt
            attempt.finishedAt = now
            var result: String?
            switch outcome {
            case .success(let confirmation):
                attempt.outcome = .succeeded
                attempt.confirmationID = confirmation.confirmationID
                if ref.compensation {
                    tracker.steps[ref.index].state = .compensated
                    tracker.steps[ref.index].compensationConfirmationID = confirmation.confirmationID
                } else {
                    tracker.steps[ref.index].state = .succeeded
                    tracker.steps[ref.index].confirmationID = confirmation.confirmationID
                    tracker.steps[ref.index].error = nil
                    tracker.steps[ref.index].needsHuman = false
                }
                tracker.steps[ref.index].finishedAt = now
                result = ref.compensation ? "compensated" : "succeeded"
            case .failure(let error):
                attempt.outcome = Self.outcome(of: error.kind)
                attempt.error = error.message
                result = Self.failed(
                    &tracker.steps[ref.index], ref: ref, error: error, attemptsUsed: attempt.number, retry: retry,
                    unit: unit, now: now)
            }
            tracker.steps[ref.index].leaseOwner = nil
            tracker.steps[ref.index].leaseExpiresAt = nil
            var progress = tracker.advance(now: now, settings: settings)
            progress.include(changed: [ref.index])
            var changes: [EngineChange] = []
            if startRecorded {
                changes.append(.finishAttempt(attempt, runID: ref.run))
            } else if !attempt.isImpliedByItsStep {
                changes.append(.insertAttempt(attempt, runID: ref.run))
            }
            tracker.append(changesFor: progress, to: &changes)
            if let result {
                changes.append(.audit(Self.evidence(
                    for: ref.index, in: tracker, compensation: ref.compensation, result: result, at: now)))
            }
            return (changes, tracker.events(for: progress, includingSteps: stepEvents), progress.runnable)
        }
        guard let (changes, events, runnable) = recorded else { return }
        enqueue(runnable)
        commit(changes, events: events, of: ref.run)
    }

    /// Whether the tracker still has this attempt in flight: a run reloaded from the store meanwhile may hold the step
    /// in another state or a later attempt, and then this outcome is not its to record.
    private func isCurrent(_ attempt: StepAttempt, of ref: StepRef) -> Bool {
        withTracker(ref.run) { tracker in
            ref.compensation
                ? tracker.steps[ref.index].state == .compensating
                    && tracker.compensationAttempts[ref.index] == attempt.number
                : tracker.steps[ref.index].state == .running && tracker.steps[ref.index].attempts == attempt.number
        } ?? false
    }

    /// Applies a failed attempt to the step; returns the audit result when the failure is final.
    private static func failed(
        _ step: inout Step, ref: StepRef, error: AdapterError, attemptsUsed: Int, retry: RetryPolicy, unit: Double,
        now: Date
    ) -> String? {
        let retryable = error.kind == .retryable || error.kind == .rateLimited
        if retryable && attemptsUsed < step.maxAttempts {
            var delay = retry.delay(afterAttempt: attemptsUsed, unit: unit)
            if let retryAfter = error.retryAfter { delay = max(delay, retryAfter) }
            step.nextAttemptAt = now.addingTimeInterval(delay)
            step.error = error.description
            if !ref.compensation { step.state = .ready }
            return nil
        }
        let reason = retryable ? "gave up after \(attemptsUsed) attempts: \(error.description)" : error.description
        step.state = .failed
        step.finishedAt = now
        if ref.compensation {
            step.error = "compensation \(step.compensation ?? "?") failed: \(reason)"
        } else {
            step.error = reason
            step.needsHuman = error.kind == .needsHuman
        }
        return "failed: \(step.error ?? reason)"
    }

    static func outcome(of kind: AdapterError.Kind) -> StepAttempt.Outcome {
        switch kind {
        case .retryable: return .retryable
        case .rateLimited: return .rateLimited
        case .permanent: return .permanent
        case .needsHuman: return .needsHuman
        }
    }

    static func evidence(
        for index: Int, in tracker: RunTracker, compensation: Bool, result: String, at now: Date
    ) -> StepEvidence {
        // Field by field: a copy of the whole step would retain (and then release) every field of its plan.
        let action = tracker.steps[index].action
        let approvers = tracker.approvals[index]?.decisions.filter(\.approved).map(\.by) ?? []
        return StepEvidence(
            at: now, runID: tracker.run.id, stepID: tracker.steps[index].id, employeeID: tracker.run.employee.id,
            system: tracker.steps[index].system,
            action: compensation ? (tracker.steps[index].compensation ?? action) : action,
            parameters: AuditRedaction.redact(tracker.steps[index].parameters),
            justifications: tracker.steps[index].justifications, approvers: approvers, result: result,
            confirmationID: compensation
                ? tracker.steps[index].compensationConfirmationID : tracker.steps[index].confirmationID)
    }
}
