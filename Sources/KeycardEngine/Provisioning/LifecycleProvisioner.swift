import Foundation
import KeycardCore
import KeycardPolicy
import KeycardStore
import Logging

/// Turns applied HR changes into runs: a hire into a joiner run, a change of attributes into a mover run
/// (new grants added, old ones revoked, shared ones kept), a termination into a leaver run.
///
/// Each change produces exactly one run or one recorded decision, keyed by its event id, so passes can be
/// repeated, interrupted or run by two processes at once without a second run for the same event.
/// An employee's runs go one at a time, in event order: a change waits while an earlier run of theirs is
/// still moving (a leaver never races the hire it undoes); a run that only waits for a person does not block.
public struct LifecycleProvisioner: Sendable {
    public let engine: Engine
    public let policies: PolicySet
    /// Who the runs are requested by in the audit trail.
    public let requester: String
    private let logger: Logger

    public init(engine: Engine, policies: PolicySet, requester: String = "hris", logger: Logger = Logger(label: "keycard.provisioning")) {
        self.engine = engine
        self.policies = policies
        self.requester = requester
        self.logger = logger
    }

    /// The run a change calls for, or nil when it grants and revokes nothing.
    public func request(for change: EmployeeChange) -> PlanRequest? {
        let after = Employee(id: change.employeeID, attributes: change.after)
        switch change.eventType {
        case .hired:
            return .joiner(after, grants: policies.evaluate(after))
        case .updated:
            let before = Employee(id: change.employeeID, attributes: change.before ?? [:])
            let diff = policies.diff(before: before, after: after)
            return diff.isEmpty ? nil : .mover(after, add: diff.add, revoke: diff.revoke, keep: diff.keep)
        case .terminated:
            let employed = Employee(id: change.employeeID, attributes: change.before ?? change.after)
            let grants = policies.evaluate(employed)
            return grants.isEmpty ? nil : .leaver(after, currentGrants: grants)
        }
    }

    /// Plans and submits a run for every applied change that has none yet, oldest first.
    public func provisionPending(limit: Int = 500) async throws(EngineError) -> ProvisioningReport {
        let database = engine.database
        let changes: [EmployeeChange]
        do {
            changes = try database.unprovisionedChanges(limit: limit)
        } catch {
            throw .store("could not read unprovisioned changes: \(error)")
        }
        var busy = Set(try engine.runs(states: RunState.active, limit: Int.max)
            .filter { $0.run.state != .awaitingApproval }.map(\.run.employee.id))
        var report = ProvisioningReport()
        for change in changes {
            guard !busy.contains(change.employeeID) else {
                report.deferred.append(change.eventID)
                continue
            }
            guard let request = request(for: change) else {
                try record(.noAccessChange, "the change grants and revokes nothing", for: change)
                report.unchanged.append(change.eventID)
                continue
            }
            do {
                let run = try await engine.submit(request, requestedBy: requester, eventID: change.eventID)
                report.submitted.append(.init(eventID: change.eventID, employeeID: change.employeeID, kind: request.kind, runID: run))
                busy.insert(change.employeeID)
                logger.info("run submitted", metadata: ["event": "\(change.eventID)", "run": "\(run)", "kind": "\(request.kind)"])
            } catch {
                if case .planning = error {
                    let reason = "\(error)"
                    try record(.planningFailed, reason, for: change)
                    report.failed.append(.init(eventID: change.eventID, reason: reason))
                    logger.error("planning failed", metadata: ["event": "\(change.eventID)", "reason": "\(reason)"])
                } else if (try? database.runID(forEvent: change.eventID)) != nil {
                    continue
                } else {
                    throw error
                }
            }
        }
        return report
    }

    private func record(_ outcome: ProvisioningDecision.Outcome, _ note: String, for change: EmployeeChange) throws(EngineError) {
        do {
            try engine.database.recordProvisioningDecision(ProvisioningDecision(
                eventID: change.eventID, employeeID: change.employeeID, outcome: outcome, note: note,
                decidedAt: engine.clock.now))
        } catch {
            throw .store("could not record the decision for event \(change.eventID): \(error)")
        }
    }
}
