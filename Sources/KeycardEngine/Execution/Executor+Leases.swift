import Foundation
import KeycardCore
import KeycardStore
import Logging
import DequeModule

extension Executor {
    /// Looks at the store: the pause switch, queued commands, and (in a child task, as it writes and may wait for
    /// another process's lock) runs to take over, new or with expired leases, and the renewal of held leases.
    func poll(now: Date, group: inout DiscardingTaskGroup) {
        let leaseUntil = now.addingTimeInterval(configuration.leaseDuration)
        if !claiming {
            claiming = true
            let (database, owner) = (self.database, self.owner)
            group.addTask {
                do {
                    let claimed = try await database.claimRuns(owner: owner, now: now, leaseUntil: leaseUntil)
                    try await database.renewLeases(owner: owner, until: leaseUntil)
                    await self.finishClaim(claimed)
                } catch {
                    await self.claimFailed(error)
                }
            }
        }
        do {
            paused = try database.engineIsPaused()
            for command in try database.openEngineCommands() where trackers.contains(command.runID) {
                let outcome: String
                var changes: [EngineChange] = []
                var events: [RunEvent] = []
                do {
                    (changes, events) = try apply(OperatorCommand(command), now: now)
                    outcome = "applied"
                } catch {
                    outcome = "refused: \(error)"
                }
                if let id = command.id { changes.append(.finishCommand(id: id, result: outcome, at: now)) }
                commit(changes, events: events, of: command.runID)
            }
        } catch {
            logger.error("poll failed", metadata: ["error": "\(error)"])
        }
    }

    /// Ends the claim: adopts the claimed runs this executor does not hold yet.
    private func finishClaim(_ claimed: [RunID]) {
        claiming = false
        let fresh = claimed.filter { !trackers.contains($0) }
        guard !fresh.isEmpty else { return }
        // The loop looks again: an adopted run may be due already (the clock moved on while the claim was under way)
        // and its wake-up time is not in the timer yet.
        defer { signal() }
        let now = clock.now
        do {
            for stored in try database.storedRuns(fresh) {
                // A run this executor finished and forgot while the claim was under way is not to be taken again.
                guard !trackers.contains(stored.run.id), !stored.run.state.isTerminal else { continue }
                let (changes, events) = adopt(stored, now: now)
                if !changes.isEmpty { commit(changes, events: events, of: stored.run.id) }
            }
        } catch {
            logger.error("could not load claimed runs", metadata: ["error": "\(error)"])
        }
    }

    private func claimFailed(_ error: any Error) {
        claiming = false
        logger.error("could not claim runs", metadata: ["error": "\(error)"])
    }

    /// Takes a run into memory; steps left running by a dead or expired holder are given back to `ready`
    /// (their interrupted attempt does not use up the budget: the adapter's ensure semantics make the repeat harmless).
    func adopt(_ stored: StoredRun, now: Date) -> ([EngineChange], [RunEvent]) {
        var tracker = RunTracker(stored)
        tracker.run.leaseOwner = owner
        tracker.run.leaseExpiresAt = now.addingTimeInterval(configuration.leaseDuration)
        var changes: [EngineChange] = []
        var events: [RunEvent] = []
        for index in tracker.steps.indices {
            var step = tracker.steps[index]
            guard step.leaseOwner != nil, step.state == .running || step.state == .compensating else { continue }
            let previous = step.leaseOwner ?? "unknown"
            if step.state == .running {
                changes.append(.finishAttempt(StepAttempt(
                    stepID: step.id, number: step.attempts, startedAt: step.startedAt ?? now, finishedAt: now,
                    outcome: .interrupted, error: "lease of \(previous) taken over by \(owner)"), runID: tracker.run.id))
                step.state = .ready
                step.maxAttempts += 1
            }
            step.leaseOwner = nil
            step.leaseExpiresAt = nil
            tracker.steps[index] = step
            changes.append(.updateStep(step, expecting: nil))
            events.append(.stepChanged(step.id, step.state))
        }
        var progress = tracker.advance(now: now, settings: configuration.approvals)
        progress.run = true
        changes += tracker.changes(for: progress)
        events += tracker.events(for: progress)
        store(tracker)
        enqueue(progress.runnable)
        return (changes, events)
    }

    /// Takes a new run: advances it in memory and stores it in that state, leased to this executor when it runs.
    func submit(_ stored: StoredRun, encoded: EncodedRun) async -> EngineChangeResult {
        let now = clock.now
        var tracker = RunTracker(stored)
        if looping {
            tracker.run.leaseOwner = owner
            tracker.run.leaseExpiresAt = now.addingTimeInterval(configuration.leaseDuration)
        }
        let progress = tracker.advance(now: now, settings: configuration.approvals)
        var events: [RunEvent] = [.runCreated(tracker.run.id, tracker.run.state)]
        events += tracker.steps.filter { $0.state == .awaitingApproval }.map { .approvalRequested($0.id) }
        let insert = EngineChange.insertRun(
            tracker.run, steps: tracker.steps, approvals: tracker.stored.approvals, encoded: encoded)
        if looping { store(tracker) }
        let ticket = commit([insert], events: events, of: tracker.run.id)
        if looping {
            _ = withTracker(tracker.run.id) { $0.creation = ticket }
            enqueue(progress.runnable)
        }
        return await ticket.result()
    }

    /// Makes sure this executor holds the run in memory, claiming its lease if it is free; nil if another process
    /// holds it. Returns the changes taking it over produced, to commit with whatever the caller does next.
    func ensureTracker(_ id: RunID, now: Date) throws -> [EngineChange]? {
        if trackers.contains(id) { return [] }
        let leaseUntil = now.addingTimeInterval(configuration.leaseDuration)
        guard try database.run(id: id) != nil else { throw EngineError.notFound(kind: "run", id: id.rawValue) }
        guard try database.claimRun(id, owner: owner, now: now, leaseUntil: leaseUntil) else { return nil }
        guard let stored = try database.storedRuns([id]).first else { return nil }
        if stored.run.state.isTerminal {
            var tracker = RunTracker(stored)
            tracker.run.leaseOwner = owner
            tracker.run.leaseExpiresAt = leaseUntil
            trackers[id] = tracker
            return []
        }
        return adopt(stored, now: now).0
    }
}
