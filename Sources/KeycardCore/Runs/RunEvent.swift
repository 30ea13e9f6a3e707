/// A change the engine made, published for live views (the console) as it is committed.
public enum RunEvent: Sendable, Hashable {
    case runCreated(RunID, RunState)
    case runChanged(RunID, RunState)
    case stepChanged(StepID, StepState)
    case approvalRequested(StepID)
    case approvalDecided(StepID, Approval.Status)
    case enginePaused(Bool)
}
