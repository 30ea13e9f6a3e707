import Foundation

/// A stored run: one employee's lifecycle moment turned into steps.
public struct Run: Sendable, Hashable, Codable {
    public var id: RunID
    public var kind: RunKind
    public var employee: Employee
    public var state: RunState
    /// Who or what asked for it (`hris:bamboohr`, an operator's email); may not approve its steps.
    public var requestedBy: String
    public var eventID: String?
    public var tierNames: [String]
    public var createdAt: Date
    /// Earliest due time of its steps.
    public var dueAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Why the run ended as it did (the failed critical step, the operator's reason).
    public var reason: String?
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?

    public init(
        id: RunID, kind: RunKind, employee: Employee, state: RunState, requestedBy: String, eventID: String?,
        tierNames: [String], createdAt: Date, dueAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil,
        reason: String? = nil, leaseOwner: String? = nil, leaseExpiresAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.employee = employee
        self.state = state
        self.requestedBy = requestedBy
        self.eventID = eventID
        self.tierNames = tierNames
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.reason = reason
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
    }
}

/// A run for lists: the run and how far its steps have come.
public struct RunSummary: Sendable, Hashable, Codable {
    public var run: Run
    public var stepCount: Int
    public var doneCount: Int
    public var failedCount: Int
    public var awaitingApprovalCount: Int
    /// The lowest tier that still has unfinished steps.
    public var currentTier: Int?

    public init(run: Run, stepCount: Int, doneCount: Int, failedCount: Int, awaitingApprovalCount: Int, currentTier: Int?) {
        self.run = run
        self.stepCount = stepCount
        self.doneCount = doneCount
        self.failedCount = failedCount
        self.awaitingApprovalCount = awaitingApprovalCount
        self.currentTier = currentTier
    }
}

/// Everything about one run: steps by tier, attempts as a timeline, approvals.
public struct RunDetail: Sendable, Hashable, Codable {
    public var run: Run
    public var steps: [Step]
    public var attempts: [StepAttempt]
    public var approvals: [Approval]

    public init(run: Run, steps: [Step], attempts: [StepAttempt], approvals: [Approval]) {
        self.run = run
        self.steps = steps
        self.attempts = attempts
        self.approvals = approvals
    }

    /// Steps grouped by tier, in plan order.
    public var tiers: [[Step]] {
        let count = max(run.tierNames.count, (steps.map(\.tier).max() ?? -1) + 1)
        var tiers = Array(repeating: [Step](), count: count)
        for step in steps.sorted(by: { $0.index < $1.index }) { tiers[step.tier].append(step) }
        return tiers
    }
}
