/// Why a step is in a plan.
public enum StepPurpose: String, Sendable, Hashable, Codable {
    /// Gives one of the employee's grants.
    case grant
    /// An account or identity the grants need, added by the planner (not a grant itself).
    case implied
    /// Takes away a grant the employee no longer has (mover, leaver).
    case revoke
    /// Closes or suspends an account (leaver, or a mover losing the system).
    case deprovision
    /// Moves data the leaver owns to someone else before the account closes.
    case transfer
}

/// Why a step was skipped: decides whether the steps that depend on it may still run.
public enum SkipCause: String, Sendable, Hashable, Codable {
    /// An operator resolved it by hand; dependants proceed.
    case operator_ = "operator"
    /// Its approval was denied or expired.
    case denied
    /// A step it depends on failed, was denied or was skipped.
    case dependency
    /// The run was rolled back or cancelled before the step ran.
    case rollback
    case cancelled

    /// Dependants of a step skipped for this cause still run.
    public var satisfiesDependants: Bool { self == .operator_ }
}
