import KeycardCore

/// An engine request that cannot be done, with the reason a person can act on.
public enum EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(kind: String, id: String)
    /// The person may not do this (self-approval, not an approver, ...).
    case notAllowed(String)
    /// The run or step is not in a state where this makes sense.
    case invalidState(String)
    case planning(PlanningError)
    case store(String)

    public var description: String {
        switch self {
        case .notFound(let kind, let id): return "no \(kind) with id \(id)"
        case .notAllowed(let message): return "not allowed: \(message)"
        case .invalidState(let message): return message
        case .planning(let error): return error.description
        case .store(let message): return "store error: \(message)"
        }
    }
}
