import Foundation
import KeycardCore
import KeycardEngine

/// Maps the engine's runs, steps and approvals to the console's rows: pure functions, no store access.
enum EngineRowMapping {
    static func runRow(_ summary: RunSummary) -> RunRow {
        let run = summary.run
        return RunRow(
            id: run.id.rawValue, employeeID: run.employee.id, employeeName: run.employee.displayName, kind: run.kind,
            state: run.state, stepsDone: summary.doneCount, stepsTotal: summary.stepCount,
            currentTier: run.state.isTerminal ? nil : summary.currentTier.map { $0 + 1 },
            tierCount: max(run.tierNames.count, summary.currentTier.map { $0 + 1 } ?? 0),
            waitingApprovals: summary.awaitingApprovalCount, failures: summary.failedCount, startedAt: run.startedAt,
            finishedAt: run.finishedAt)
    }

    /// A run row from its full detail, for a run that is not in the list (older than the list's limit).
    static func runRow(_ detail: RunDetail) -> RunRow {
        let done: Set<StepState> = [.succeeded, .skipped, .compensated]
        let open = detail.steps.filter { !done.contains($0.state) && $0.state != .failed }
        return runRow(RunSummary(
            run: detail.run, stepCount: detail.steps.count, doneCount: detail.steps.filter { done.contains($0.state) }.count,
            failedCount: detail.steps.filter { $0.state == .failed }.count,
            awaitingApprovalCount: detail.steps.filter { $0.state == .awaitingApproval }.count,
            currentTier: open.map(\.tier).min()))
    }

    static func title(_ step: Step, displayNames: [String: String]) -> String {
        StepTitle.make(system: step.system, action: step.action, parameters: step.parameters, displayNames: displayNames)
    }

    static func failureRow(_ step: Step, run: Run?, displayNames: [String: String], now: Date) -> FailureRow {
        FailureRow(
            stepID: step.id.rawValue, runID: step.runID.rawValue, employeeName: run?.employee.displayName ?? "?",
            stepTitle: title(step, displayNames: displayNames), system: step.system,
            error: step.error ?? (step.needsHuman ? "needs a person" : "failed"), attempts: step.attempts,
            maxAttempts: step.maxAttempts, failedAt: step.finishedAt ?? step.startedAt ?? now, critical: step.critical)
    }

    static func approvalRow(_ approval: Approval, run: Run?, step: Step?, rules: ApproverRules) -> ApprovalRow {
        let employee = run?.employee
        let parameters = step?.parameters ?? [:]
        return ApprovalRow(
            stepID: approval.stepID.rawValue, runID: approval.runID.rawValue, employeeID: approval.employeeID,
            employeeEmail: employee?.email ?? "", employeeName: employee?.displayName ?? approval.employeeID,
            grant: approval.grant, grantName: StepTitle.grantName(action: step?.action ?? approval.grant, parameters: parameters),
            policy: step?.justifications.map(\.policyID).joined(separator: ", ") ?? "-",
            whySensitive: approval.requirement.reason ?? "marked as needing approval by policy",
            approvers: rules.describe(approval), requestedAt: approval.requestedAt, expiresAt: approval.expiresAt,
            highRisk: approval.requirement.highRisk)
    }

    static func runDetail(_ detail: RunDetail, row: RunRow, displayNames: [String: String]) -> RunDetailModel {
        let attempts = Dictionary(grouping: detail.attempts, by: \.stepID)
        let approvals = Dictionary(detail.approvals.map { ($0.stepID, $0) }, uniquingKeysWith: { first, _ in first })
        let tiers = detail.tiers.enumerated().map { index, steps in
            let name = detail.run.tierNames.indices.contains(index) ? detail.run.tierNames[index] : "tier \(index + 1)"
            return RunTier(
                number: index + 1, name: displayTierName(name),
                steps: steps.map { stepCell($0, attempts: attempts[$0.id] ?? [], approval: approvals[$0.id], displayNames: displayNames) })
        }
        return RunDetailModel(run: row, tiers: tiers)
    }

    static func stepCell(_ step: Step, attempts: [StepAttempt], approval: Approval?, displayNames: [String: String]) -> StepCell {
        let decision = approval?.decisions.last
        let rows = attempts.map { attempt in
            StepAttemptRow(
                number: attempt.number, startedAt: attempt.startedAt, finishedAt: attempt.finishedAt,
                error: attempt.error.map { attempt.compensation ? "undo: \($0)" : $0 })
        }
        return StepCell(
            id: step.id.rawValue, title: title(step, displayNames: displayNames), system: step.system, action: step.action,
            state: step.state, dependsOn: step.dependencies.map(\.rawValue), startedAt: step.startedAt ?? attempts.first?.startedAt,
            finishedAt: step.finishedAt, attempts: rows, parameters: step.parameters, justifications: step.justifications,
            approver: decision.map { "\($0.by) (\($0.approved ? "approved" : "denied") as \($0.role))" },
            approvalReason: decision?.reason ?? step.skipReason, confirmationID: step.confirmationID, critical: step.critical)
    }

    /// `base_access` → `Base access`.
    static func displayTierName(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
