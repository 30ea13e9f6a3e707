/// Who must approve a sensitive grant before it runs.
public struct ApprovalRequirement: Sendable, Hashable, Codable {
    /// Approver rule: the employee's manager, members of a named group, or both.
    public enum Approvers: Sendable, Hashable, Codable {
        case manager
        case group(String)
        case managerAndGroup(String)
    }

    public var approvers: Approvers
    /// Why the grant is sensitive, shown to the approver.
    public var reason: String?
    /// High-risk grants make the approver type the grant name to confirm.
    public var highRisk: Bool

    public init(approvers: Approvers = .manager, reason: String? = nil, highRisk: Bool = false) {
        self.approvers = approvers
        self.reason = reason
        self.highRisk = highRisk
    }
}
