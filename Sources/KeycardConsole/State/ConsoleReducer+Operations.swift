import Foundation
import KeycardCore

/// Keys that change something: each either opens a dialog, emits an engine call, or refuses with the reason.
extension ConsoleReducer {
    static func refuse(_ state: inout ConsoleState, _ reason: String) -> [Effect] {
        state.flash = .error(reason)
        return []
    }

    static func verb(_ action: ConsoleAction) -> String {
        switch action {
        case .approve: return "approve"
        case .deny: return "deny"
        case .retry: return "retry"
        case .skip: return "skip"
        case .rollback: return "rollback"
        case .togglePause: return "pause/resume"
        case .retryAllFailedForSystem: return "retry all"
        case .replay: return "replay"
        case .discard: return "discard"
        default: return "this action"
        }
    }

    static func operate(_ state: inout ConsoleState, _ action: ConsoleAction) -> [Effect] {
        if state.readOnly {
            return refuse(&state, "read-only console (--readonly): \(verb(action)) is turned off")
        }
        switch action {
        case .approve, .deny: return decide(&state, approve: action == .approve)
        case .retry: return retry(&state)
        case .skip: return skip(&state)
        case .rollback: return rollback(&state)
        case .togglePause:
            let pausing = state.snapshot.engineState != .paused
            state.dialog = Dialog(
                purpose: pausing ? .pause : .resume, title: pausing ? "Pause the engine" : "Resume the engine",
                lines: pausing
                    ? ["Stops starting new steps for every run (kill switch).", "Steps already running finish. Audited."]
                    : ["Lets the engine start due steps again. Audited."],
                confirmLabel: pausing ? "Pause" : "Resume", needsReason: false)
            return []
        case .retryAllFailedForSystem: return retryAll(&state)
        case .replay, .discard: return deadLetter(&state, replay: action == .replay)
        default: return []
        }
    }

    static func isSelf(_ state: ConsoleState, _ approval: ApprovalRow) -> Bool {
        let actor = state.actor.lowercased()
        return actor == approval.employeeEmail.lowercased() || actor == approval.employeeID.lowercased()
    }

    static func decide(_ state: inout ConsoleState, approve: Bool) -> [Effect] {
        let verb = approve ? "approve" : "deny"
        guard let approval = state.selectedApproval else {
            let reason = state.kind == .approvals ? "no approval selected" : "\(verb) works on a step waiting for approval (see :approvals)"
            return refuse(&state, reason)
        }
        if approve && isSelf(state, approval) {
            return refuse(&state, "self-approval refused: \(state.actor) cannot approve their own access (\(approval.grant))")
        }
        state.dialog = Dialog(
            purpose: approve ? .approve(stepID: approval.stepID) : .deny(stepID: approval.stepID),
            title: approve ? "Approve access" : "Deny access",
            lines: [
                "Grant   \(approval.grant)", "For     \(approval.employeeName)", "Policy  \(approval.policy)",
                "Why     \(approval.whySensitive)",
            ],
            confirmLabel: approve ? "Approve" : "Deny", needsReason: true,
            requiredName: approve && approval.highRisk ? approval.grantName : nil)
        return []
    }

    /// The failed step the cursor is on, in Failures, Run or Step view.
    static func targetStep(_ state: ConsoleState) -> (stepID: String, title: String, state: String, employee: String)? {
        if let failure = state.selectedFailure {
            return (failure.stepID, failure.stepTitle, "failed", failure.employeeName)
        }
        if let step = state.selectedStep {
            return (step.id, step.title, step.state.rawValue, state.currentRunDetail?.run.employeeName ?? "")
        }
        return nil
    }

    static func retry(_ state: inout ConsoleState) -> [Effect] {
        if state.kind == .runs { return retryRun(&state) }
        guard let step = targetStep(state) else {
            return refuse(&state, "retry works on a failed step (see :failures)")
        }
        guard step.state == "failed" else {
            return refuse(&state, "only failed steps can be retried; \(step.title) is \(step.state)")
        }
        state.flash = Flash("retrying \(step.title) for \(step.employee)…")
        return [.engine(.retry(stepID: step.stepID))]
    }

    static func retryRun(_ state: inout ConsoleState) -> [Effect] {
        guard let run = state.selectedRun else { return refuse(&state, "no run selected") }
        guard run.failures > 0 else {
            return refuse(&state, "\(run.employeeName)'s run has no failed step to retry")
        }
        state.flash = Flash("retrying \(run.failures) failed step\(run.failures == 1 ? "" : "s") of \(run.employeeName)'s run…")
        return [.engine(.retryRun(runID: run.id))]
    }

    static func skip(_ state: inout ConsoleState) -> [Effect] {
        guard let step = targetStep(state) else {
            return refuse(&state, "skip works on a step (see :failures or a run)")
        }
        guard ["failed", "awaiting_approval", "pending", "ready"].contains(step.state) else {
            return refuse(&state, "\(step.title) is \(step.state); only failed, waiting or pending steps can be skipped")
        }
        state.dialog = Dialog(
            purpose: .skip(stepID: step.stepID), title: "Skip step",
            lines: ["Step    \(step.title)", "For     \(step.employee)", "Steps that depend on it are skipped too."],
            confirmLabel: "Skip", needsReason: true)
        return []
    }

    static func rollback(_ state: inout ConsoleState) -> [Effect] {
        let run: RunRow?
        switch state.kind {
        case .runs: run = state.selectedRun
        case .run, .step: run = state.currentRunDetail?.run
        case .failures: run = state.selectedFailure.flatMap { failure in state.snapshot.runs.first { $0.id == failure.runID } }
        default: run = nil
        }
        guard let run else { return refuse(&state, "rollback works on a run (see :runs)") }
        guard ![.rolledBack, .rollingBack, .cancelled].contains(run.state) else {
            return refuse(&state, "\(run.employeeName)'s run is already \(StatusStyle.label(run.state))")
        }
        state.dialog = Dialog(
            purpose: .rollback(runID: run.id), title: "Roll back run",
            lines: [
                "Undo all \(run.stepsDone) completed steps of \(run.employeeName)'s \(run.kind.rawValue) run,",
                "in reverse dependency order. Audited.",
            ],
            confirmLabel: "Roll back", needsReason: false)
        return []
    }

    static func retryAll(_ state: inout ConsoleState) -> [Effect] {
        guard let failure = state.selectedFailure else {
            return refuse(&state, "retry all works in :failures on a failed step's system")
        }
        let count = state.snapshot.failures.filter { $0.system == failure.system }.count
        state.dialog = Dialog(
            purpose: .retryAllFailed(system: failure.system), title: "Retry all failed",
            lines: ["Retry all \(count) failed \(failure.system) steps now."], confirmLabel: "Retry all", needsReason: false)
        return []
    }

    static func deadLetter(_ state: inout ConsoleState, replay: Bool) -> [Effect] {
        guard let event = state.selectedEvent else {
            return refuse(&state, "\(replay ? "replay" : "discard") works on a dead letter in :events")
        }
        guard event.status == .deadLetter else {
            return refuse(&state, "only dead letters can be \(replay ? "replayed" : "discarded"); \(event.id) is \(event.status.rawValue)")
        }
        if replay {
            state.flash = Flash("replaying \(event.id)…")
            return [.engine(.replayDeadLetter(eventID: event.id))]
        }
        state.dialog = Dialog(
            purpose: .discardDeadLetter(eventID: event.id), title: "Discard dead letter",
            lines: ["Drop \(event.id) (\(event.source) \(event.type)) for good. Audited."], confirmLabel: "Discard", needsReason: false)
        return []
    }
}
