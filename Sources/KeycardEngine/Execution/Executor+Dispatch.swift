import Foundation
import KeycardCore
import KeycardStore
import Logging
import DequeModule

extension Executor {
    /// Starts every queued step its system's gate admits now.
    func dispatch(now: Date, group: inout DiscardingTaskGroup) {
        // A copy of the keys: iterating `gates.keys` while mutating a gate would copy its whole queue each time.
        for system in Array(gates.keys) {
            // The gate is found by its index, once per step: `gates[system]?.…` hashed the name on every use, and
            // reading a field through it copied the whole gate.
            while let gate = gates.index(forKey: system), let ref = gates.values[gate].queue.first {
                guard let state = withTracker(ref.run, { $0.steps[ref.index].state }),
                      state == (ref.compensation ? .compensating : .ready)
                else {
                    gates.values[gate].queue.removeFirst()
                    _ = withTracker(ref.run) { $0.queued.remove(ref.index) }
                    forgetIfFinished(ref.run)
                    continue
                }
                guard pacer.nextConforming(system: system, limits: gates.values[gate].limits, now: now) <= now,
                      gates.values[gate].tryStart(now: now)
                else { break }
                gates.values[gate].queue.removeFirst()
                start(ref, now: now, group: &group)
            }
        }
    }

    private func start(_ ref: StepRef, now: Date, group: inout DiscardingTaskGroup) {
        let owner = self.owner
        let leaseUntil = now.addingTimeInterval(configuration.leaseDuration)
        let stepEvents = hub.hasSubscribers
        let started = withTracker(ref.run) { tracker -> ([EngineChange], [RunEvent], AdapterRequest, StepAttempt, Bool) in
            let expecting = tracker.steps[ref.index].state
            let number: Int
            if ref.compensation {
                number = (tracker.compensationAttempts[ref.index] ?? 0) + 1
                tracker.compensationAttempts[ref.index] = number
            } else {
                tracker.steps[ref.index].state = .running
                tracker.steps[ref.index].attempts += 1
                number = tracker.steps[ref.index].attempts
                tracker.steps[ref.index].startedAt = tracker.steps[ref.index].startedAt ?? now
            }
            tracker.steps[ref.index].nextAttemptAt = nil
            tracker.steps[ref.index].leaseOwner = owner
            tracker.steps[ref.index].leaseExpiresAt = leaseUntil
            // Field by field: a copy of the whole step would retain (and then release) every field of its plan.
            let stepID = tracker.steps[ref.index].id
            let action = tracker.steps[ref.index].action
            let idempotencyKey = tracker.steps[ref.index].idempotencyKey
            let attempt = StepAttempt(
                stepID: stepID, number: number, compensation: ref.compensation, startedAt: now, outcome: .running)
            let request = AdapterRequest(
                system: tracker.steps[ref.index].system,
                action: ref.compensation ? (tracker.steps[ref.index].compensation ?? action) : action,
                employee: tracker.run.employee, parameters: tracker.steps[ref.index].parameters,
                idempotencyKey: ref.compensation ? idempotencyKey + "/undo" : idempotencyKey)
            let recorded = ref.compensation || repeatable[request.system]?.contains(request.action) != true
            var changes: [EngineChange] = []
            if recorded {
                changes = [
                    .updateStep(tracker.steps[ref.index], expecting: expecting), .insertAttempt(attempt, runID: ref.run),
                ]
            } else {
                tracker.unrecordedStarts[ref.index] = number
            }
            var events: [RunEvent] = stepEvents ? [.stepChanged(stepID, tracker.steps[ref.index].state)] : []
            if tracker.run.state != .running && tracker.run.state != .rollingBack {
                tracker.run.state = .running
                tracker.run.startedAt = tracker.run.startedAt ?? now
                changes.append(.updateRun(tracker.run))
                events.append(.runChanged(tracker.run.id, .running))
            }
            return (changes, events, request, attempt, recorded)
        }
        guard let (changes, events, request, attempt, recorded) = started else { return }
        let ticket = changes.isEmpty ? nil : commit(changes, events: events, of: ref.run)
        if ticket == nil { publishInOrder(events, of: ref.run) }
        let precondition = recorded ? ticket : creationToAwait(run: ref.run)
        // A call that waits for nothing takes its slot now, on the schedule the gate just admitted it on.
        let slot = precondition == nil ? reserveSlot(system: request.system, now: now) : nil
        let call = PendingCall(ref: ref, request: request, attempt: attempt, precondition: precondition, slot: slot)
        guard !workers.handOver(call) else { return }
        let workers = self.workers
        group.addTask(executorPreference: calls) {
            var next: PendingCall? = call
            while let current = next {
                await self.execute(current)
                next = await workers.next()
            }
        }
    }

    /// What a call safe to repeat waits for: in a run this process has just submitted, the run's creation (the run
    /// must outlive a crash so the call is resumed and audited). Its own start is not recorded until its outcome: if
    /// the process dies first, the step is still ready in the store and its repeat finds the state already there, as
    /// after a crash between a call and its outcome. A call that is not safe to repeat waits for its recorded start.
    private func creationToAwait(run: RunID) -> CommitTicket? {
        withTracker(run) { tracker -> CommitTicket? in
            guard let creation = tracker.creation, creation.settled?.isApplied != true else {
                tracker.creation = nil
                return nil
            }
            return creation
        } ?? nil
    }

    /// Calls the adapter once `precondition` (the recorded start, or the run's creation) is committed and hands the
    /// outcome to the loop (`LoopInbox`); an attempt whose precondition did not commit is dropped, its run reloaded.
    private nonisolated func execute(_ call: PendingCall) async {
        let (ref, request, attempt, precondition) = (call.ref, call.request, call.attempt, call.precondition)
        if let precondition {
            let committed = await precondition.result()
            guard committed.isApplied else {
                await startRejected(ref, system: request.system, reason: "\(committed)")
                return
            }
        }
        let slot = call.slot ?? reserveSlot(system: request.system, now: clock.now)
        if slot > clock.now { try? await clock.sleep(until: slot) }
        let started = ContinuousClock.now
        let outcome: Result<AdapterConfirmation, AdapterError>
        if let adapter = adapters[request.system] {
            do {
                outcome = .success(try await adapter.perform(request))
            } catch {
                outcome = .failure(error)
            }
        } else {
            outcome = .failure(AdapterError(.permanent, "no adapter is configured for system \(request.system)"))
        }
        let latency = (ContinuousClock.now - started).timeInterval
        let first = inbox.post(CallOutcome(
            ref: ref, system: request.system, attempt: attempt, result: outcome, latency: latency))
        if first { signal() }
    }

    /// The instant the system's call may go out (`CallPacer`).
    private nonisolated func reserveSlot(system: String, now: Date) -> Date {
        now.addingTimeInterval(pacer.reserve(system: system, limits: configuration.limits(for: system), now: now))
    }

    private func startRejected(_ ref: StepRef, system: String, reason: String) {
        gates[system]?.finish(now: clock.now, latency: 0, rateLimited: false, retryAfter: nil)
        logger.warning("step changed under us, reloading its run", metadata: ["run": "\(ref.run)", "reason": "\(reason)"])
        reload(ref.run)
    }
}
