import Foundation
import KeycardCore
import KeycardStore
import Synchronization

/// Turns a plan into the rows of a new run: ids, idempotency keys, attempt budgets and approval requests.
enum RunFactory {
    static func make(plan: RunPlan, requestedBy: String, eventID: String?, configuration: EngineConfiguration, now: Date) -> StoredRun {
        let id = newRunID(now: now)
        var steps: [Step] = []
        steps.reserveCapacity(plan.steps.count)
        var approvals: [Approval] = []
        // Each id made once, by position: a dependency shares its step's id instead of building the same text again.
        // A plan's step indices are its positions (`PlanBuilder`); an index that is not gets an id of its own.
        let ids = plan.steps.map { StepID(run: id, index: $0.index) }
        func idOf(_ index: Int) -> StepID {
            ids.indices.contains(index) && plan.steps[index].index == index ? ids[index] : StepID(run: id, index: index)
        }
        for (position, planned) in plan.steps.enumerated() {
            let stepID = ids[position]
            let needsApproval = planned.approval != nil
            steps.append(Step(
                id: stepID, runID: id, index: planned.index, system: planned.system, action: planned.action,
                parameters: planned.parameters, kind: planned.kind, purpose: planned.purpose, tier: planned.tier,
                dependencies: planned.dependencies.map(idOf), compensation: planned.compensation,
                critical: planned.critical, approval: planned.approval, justifications: planned.justifications,
                state: needsApproval ? .awaitingApproval : .pending, dueAt: planned.dueAt,
                maxAttempts: configuration.maxAttempts(system: planned.system, action: planned.action),
                idempotencyKey: stepID.rawValue))
            if let requirement = planned.approval {
                approvals.append(Approval(
                    stepID: stepID, runID: id, employeeID: plan.employee.id, grant: planned.label,
                    requirement: requirement, requestedBy: requestedBy, requestedAt: now,
                    expiresAt: now.addingTimeInterval(configuration.approvals.expiresAfter)))
            }
        }
        let dueAt = plan.steps.contains { $0.dueAt == nil } ? now : (plan.steps.compactMap(\.dueAt).min() ?? now)
        let run = Run(
            id: id, kind: plan.kind, employee: plan.employee, state: .planned, requestedBy: requestedBy, eventID: eventID,
            tierNames: plan.tierNames, createdAt: now, dueAt: dueAt)
        return StoredRun(run: run, steps: steps, approvals: approvals)
    }

    /// `run-20240115T090000-1a2b3c4d`: the UTC creation second, then this process's run sequence in 8 hex digits.
    ///
    /// Ids sort by creation time, and within a process by creation order: runs created together sit together in
    /// every index keyed by run id, so a transaction that touches the runs in flight rewrites few pages. The sequence
    /// starts at a random number, so two processes creating runs in the same second collide only if their ranges meet.
    static func newRunID(now: Date) -> RunID {
        let fields = UTCFields(now)
        var text = Array("run-".utf8)
        text.reserveCapacity(28)
        UTCFields.append(fields.year, width: 4, to: &text)
        UTCFields.append(fields.month, width: 2, to: &text)
        UTCFields.append(fields.day, width: 2, to: &text)
        text.append(UInt8(ascii: "T"))
        UTCFields.append(fields.hour, width: 2, to: &text)
        UTCFields.append(fields.minute, width: 2, to: &text)
        UTCFields.append(fields.second, width: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        let sequence = String(runSequence.wrappingAdd(1, ordering: .relaxed).oldValue, radix: 16).utf8
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 8 - sequence.count))
        text.append(contentsOf: sequence)
        return RunID(String(decoding: text, as: UTF8.self))
    }

    /// The next run's sequence number in this process; starts at a random value below 2³¹, so it does not wrap
    /// within a process's life.
    private static let runSequence = Atomic<UInt32>(UInt32.random(in: 0..<0x8000_0000))
}
