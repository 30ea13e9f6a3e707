/// A call the console asks the engine to make; the data source executes it.
public enum EngineCommand: Sendable, Hashable {
    case approve(stepID: String, reason: String, approver: String)
    case deny(stepID: String, reason: String, approver: String)
    case retry(stepID: String)
    /// Every failed step of the run.
    case retryRun(runID: String)
    case skip(stepID: String, reason: String, actor: String)
    case rollback(runID: String, actor: String)
    case pause(actor: String)
    case resume(actor: String)
    case retryAllFailed(system: String)
    case replayDeadLetter(eventID: String)
    case discardDeadLetter(eventID: String)
}

/// What the reducer asks the app to do after an action.
public enum Effect: Sendable, Hashable {
    case engine(EngineCommand)
    /// Fetch a fresh snapshot with this focus (after navigation, or `ctrl-r`).
    case reload(ConsoleFocus)
    case quit
}
