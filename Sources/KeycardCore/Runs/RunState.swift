/// Where a run is in its life.
public enum RunState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored, not yet due.
    case planned
    /// Due in the future; steps wait for their due time.
    case scheduled
    case running
    /// Nothing can move until someone approves or denies.
    case awaitingApproval = "awaiting_approval"
    case succeeded
    /// Finished; some non-critical steps failed.
    case completedWithFailures = "completed_with_failures"
    /// Finished without completing, and could not be rolled back.
    case failed
    case rollingBack = "rolling_back"
    case rolledBack = "rolled_back"
    case cancelled

    public var isTerminal: Bool {
        switch self {
        case .succeeded, .completedWithFailures, .failed, .rolledBack, .cancelled: return true
        default: return false
        }
    }

    /// States in which the engine still has work to do for the run.
    public static let active: [RunState] = [.planned, .scheduled, .running, .awaitingApproval, .rollingBack]
}
