import Foundation

/// A request for a person to allow a sensitive step, and what they decided.
public struct Approval: Sendable, Hashable, Codable {
    /// Where the request stands.
    public enum Status: String, Sendable, Hashable, Codable {
        case pending, approved, denied, expired
        /// Expired, handed to the escalation group with a new deadline.
        case escalated
    }

    /// One person's answer.
    public struct Decision: Sendable, Hashable, Codable {
        public var by: String
        public var approved: Bool
        public var reason: String
        public var at: Date
        /// Which rule the person answered for: `manager` or `group:NAME`.
        public var role: String

        public init(by: String, approved: Bool, reason: String, at: Date, role: String) {
            self.by = by
            self.approved = approved
            self.reason = reason
            self.at = at
            self.role = role
        }
    }

    public var stepID: StepID
    public var runID: RunID
    public var employeeID: String
    /// The grant as text (`aws:assign_permission_set permission_set=Admin`).
    public var grant: String
    public var requirement: ApprovalRequirement
    public var requestedBy: String
    public var requestedAt: Date
    public var expiresAt: Date
    public var status: Status
    public var decisions: [Decision]
    /// Group that took over after expiry, if escalated.
    public var escalatedTo: String?

    public init(
        stepID: StepID, runID: RunID, employeeID: String, grant: String, requirement: ApprovalRequirement,
        requestedBy: String, requestedAt: Date, expiresAt: Date, status: Status = .pending,
        decisions: [Decision] = [], escalatedTo: String? = nil
    ) {
        self.stepID = stepID
        self.runID = runID
        self.employeeID = employeeID
        self.grant = grant
        self.requirement = requirement
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
        self.status = status
        self.decisions = decisions
        self.escalatedTo = escalatedTo
    }
}
