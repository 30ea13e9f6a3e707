import Foundation

/// A step waiting for an approver in the Approvals list.
public struct ApprovalRow: Sendable, Hashable, Identifiable {
    public var id: String { stepID }
    public var stepID: String
    public var runID: String
    public var employeeID: String
    /// The employee's email, compared with the acting approver to refuse self-approval.
    public var employeeEmail: String
    public var employeeName: String
    /// The grant as `system:action key=value`.
    public var grant: String
    /// The short name a high-risk approval must be typed as (`prod-admin`).
    public var grantName: String
    public var policy: String
    public var whySensitive: String
    public var approvers: String
    public var requestedAt: Date
    public var expiresAt: Date?
    public var highRisk: Bool

    public init(
        stepID: String, runID: String, employeeID: String, employeeEmail: String, employeeName: String, grant: String,
        grantName: String, policy: String, whySensitive: String, approvers: String, requestedAt: Date,
        expiresAt: Date?, highRisk: Bool = false
    ) {
        self.stepID = stepID
        self.runID = runID
        self.employeeID = employeeID
        self.employeeEmail = employeeEmail
        self.employeeName = employeeName
        self.grant = grant
        self.grantName = grantName
        self.policy = policy
        self.whySensitive = whySensitive
        self.approvers = approvers
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
        self.highRisk = highRisk
    }
}
