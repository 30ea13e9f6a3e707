import Foundation
import KeycardCore
import KeycardStore

/// Something a person asks of a run or step.
enum OperatorCommand: Sendable, Hashable {
    case approve(StepID, by: String, reason: String)
    case deny(StepID, by: String, reason: String)
    case retryStep(StepID, by: String)
    case retryRun(RunID, by: String)
    case skip(StepID, by: String, reason: String)
    case rollback(RunID, by: String, reason: String)
    case cancel(RunID, by: String, reason: String)

    var runID: RunID {
        switch self {
        case .approve(let step, _, _), .deny(let step, _, _), .retryStep(let step, _), .skip(let step, _, _):
            return step.runID
        case .retryRun(let run, _), .rollback(let run, _, _), .cancel(let run, _, _):
            return run
        }
    }

    /// The queued form, for the process that holds the run's lease.
    func queued(at date: Date) -> EngineCommand {
        switch self {
        case .approve(let step, let by, let reason):
            return EngineCommand(runID: runID, stepID: step, command: "approve", actor: by, reason: reason, createdAt: date)
        case .deny(let step, let by, let reason):
            return EngineCommand(runID: runID, stepID: step, command: "deny", actor: by, reason: reason, createdAt: date)
        case .retryStep(let step, let by):
            return EngineCommand(runID: runID, stepID: step, command: "retry", actor: by, reason: nil, createdAt: date)
        case .retryRun(_, let by):
            return EngineCommand(runID: runID, stepID: nil, command: "retry", actor: by, reason: nil, createdAt: date)
        case .skip(let step, let by, let reason):
            return EngineCommand(runID: runID, stepID: step, command: "skip", actor: by, reason: reason, createdAt: date)
        case .rollback(_, let by, let reason):
            return EngineCommand(runID: runID, stepID: nil, command: "rollback", actor: by, reason: reason, createdAt: date)
        case .cancel(_, let by, let reason):
            return EngineCommand(runID: runID, stepID: nil, command: "cancel", actor: by, reason: reason, createdAt: date)
        }
    }

    /// Reads a queued command back.
    init(_ command: EngineCommand) throws(EngineError) {
        let reason = command.reason ?? ""
        switch (command.command, command.stepID) {
        case ("approve", let step?): self = .approve(step, by: command.actor, reason: reason)
        case ("deny", let step?): self = .deny(step, by: command.actor, reason: reason)
        case ("retry", let step?): self = .retryStep(step, by: command.actor)
        case ("retry", nil): self = .retryRun(command.runID, by: command.actor)
        case ("skip", let step?): self = .skip(step, by: command.actor, reason: reason)
        case ("rollback", _): self = .rollback(command.runID, by: command.actor, reason: reason)
        case ("cancel", _): self = .cancel(command.runID, by: command.actor, reason: reason)
        default: throw .invalidState("unknown queued command \(command.command)")
        }
    }
}

