import Foundation

/// Moving a dialog through reason → typed name → confirm, and what confirming does.
extension ConsoleReducer {
    static func closeDialog(_ state: inout ConsoleState) {
        state.dialog = nil
        if let pending = state.pendingSnapshot { apply(&state, pending) }
    }

    static func submitDialog(_ state: inout ConsoleState) -> [Effect] {
        guard var dialog = state.dialog else { return [] }
        switch dialog.stage {
        case .reason:
            guard !dialog.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                dialog.problem = "a reason is required"
                state.dialog = dialog
                return []
            }
            dialog.stage = dialog.requiredName != nil ? .typeName : .confirm
            dialog.focus = .cancel
        case .typeName:
            guard dialog.typed == dialog.requiredName else {
                dialog.problem = "type \(dialog.requiredName ?? "") exactly to continue"
                state.dialog = dialog
                return []
            }
            dialog.stage = .confirm
            dialog.focus = .cancel
        case .confirm:
            closeDialog(&state)
            guard dialog.focus == .confirm else {
                state.flash = Flash("cancelled")
                return []
            }
            let (command, message) = command(for: dialog, state: state)
            state.flash = Flash(message)
            return [.engine(command)]
        }
        dialog.problem = nil
        state.dialog = dialog
        return []
    }

    static func command(for dialog: Dialog, state: ConsoleState) -> (EngineCommand, String) {
        let reason = dialog.reason.trimmingCharacters(in: .whitespaces)
        switch dialog.purpose {
        case .approve(let stepID): return (.approve(stepID: stepID, reason: reason, approver: state.actor), "approving \(stepID)…")
        case .deny(let stepID): return (.deny(stepID: stepID, reason: reason, approver: state.actor), "denying \(stepID)…")
        case .skip(let stepID): return (.skip(stepID: stepID, reason: reason, actor: state.actor), "skipping \(stepID)…")
        case .rollback(let runID): return (.rollback(runID: runID, actor: state.actor), "rolling back \(runID)…")
        case .pause: return (.pause(actor: state.actor), "pausing the engine…")
        case .resume: return (.resume(actor: state.actor), "resuming the engine…")
        case .retryAllFailed(let system): return (.retryAllFailed(system: system), "retrying all failed \(system) steps…")
        case .discardDeadLetter(let eventID): return (.discardDeadLetter(eventID: eventID), "discarding \(eventID)…")
        }
    }
}
