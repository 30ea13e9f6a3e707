import Foundation

/// A stored step of a run: the plan's step plus everything execution has recorded about it.
public struct Step: Sendable, Hashable, Codable {
    public var id: StepID
    public var runID: RunID
    public var index: Int
    public var system: String
    public var action: String
    public var parameters: [String: String]
    public var kind: ActionCapability.Kind
    public var purpose: StepPurpose
    public var tier: Int
    public var dependencies: [StepID]
    public var compensation: String?
    public var critical: Bool
    public var approval: ApprovalRequirement?
    public var justifications: [Justification]
    public var state: StepState
    public var dueAt: Date?
    /// Attempts started so far (an attempt interrupted by a crash is given back).
    public var attempts: Int
    public var maxAttempts: Int
    public var nextAttemptAt: Date?
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    /// Run id + step index: the same for every attempt, so a repeat is recognised.
    public var idempotencyKey: String
    public var confirmationID: String?
    public var error: String?
    /// The last failure needs a person (retry or skip) before anything else happens.
    public var needsHuman: Bool
    public var skipCause: SkipCause?
    public var skipReason: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Compensation outcome when the step was undone by a rollback.
    public var compensationConfirmationID: String?

    public init(
        id: StepID, runID: RunID, index: Int, system: String, action: String, parameters: [String: String],
        kind: ActionCapability.Kind, purpose: StepPurpose, tier: Int, dependencies: [StepID],
        compensation: String?, critical: Bool, approval: ApprovalRequirement?, justifications: [Justification],
        state: StepState, dueAt: Date?, attempts: Int = 0, maxAttempts: Int, nextAttemptAt: Date? = nil,
        leaseOwner: String? = nil, leaseExpiresAt: Date? = nil, idempotencyKey: String,
        confirmationID: String? = nil, error: String? = nil, needsHuman: Bool = false,
        skipCause: SkipCause? = nil, skipReason: String? = nil, startedAt: Date? = nil, finishedAt: Date? = nil,
        compensationConfirmationID: String? = nil
    ) {
        self.id = id
        self.runID = runID
        self.index = index
        self.system = system
        self.action = action
        self.parameters = parameters
        self.kind = kind
        self.purpose = purpose
        self.tier = tier
        self.dependencies = dependencies
        self.compensation = compensation
        self.critical = critical
        self.approval = approval
        self.justifications = justifications
        self.state = state
        self.dueAt = dueAt
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.nextAttemptAt = nextAttemptAt
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.idempotencyKey = idempotencyKey
        self.confirmationID = confirmationID
        self.error = error
        self.needsHuman = needsHuman
        self.skipCause = skipCause
        self.skipReason = skipReason
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.compensationConfirmationID = compensationConfirmationID
    }

    /// `okta:add_to_group group=sales-team`.
    public var label: String { GrantKey(system: system, action: action, parameters: parameters).description }

    /// Steps that depend on this one may start.
    public var satisfiesDependants: Bool {
        state == .succeeded || (state == .skipped && (skipCause?.satisfiesDependants ?? false))
    }

    /// Steps that depend on this one can never run.
    public var blocksDependants: Bool {
        switch state {
        case .failed: return !needsHuman
        case .skipped: return !(skipCause?.satisfiesDependants ?? false)
        case .compensating, .compensated: return true
        default: return false
        }
    }
}
