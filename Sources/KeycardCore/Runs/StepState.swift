/// Where a step is in its life; each move is one committed transaction.
public enum StepState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, ready, running, succeeded, failed
    case awaitingApproval = "awaiting_approval"
    case skipped, compensating, compensated

    public var isTerminal: Bool {
        switch self {
        case .succeeded, .failed, .skipped, .compensated: return true
        default: return false
        }
    }
}
