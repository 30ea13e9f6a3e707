import KeycardCore

/// Who may answer an approval request: the manager, a named group, or both (two different people);
/// never the employee themself, never the person who requested the run.
public struct ApproverRules: Sendable {
    public let groups: [String: [String]]

    public init(groups: [String: [String]]) {
        self.groups = groups
    }

    /// The role (`manager` or `group:NAME`) the person answers for, or why they may not answer.
    public func role(
        of person: String, for approval: Approval, employee: Employee, requestedBy: String
    ) throws(EngineError) -> String {
        let who = person.lowercased()
        if who == employee.email?.lowercased() || who == employee.id.lowercased() {
            throw .notAllowed("\(person) cannot approve their own access (\(approval.grant))")
        }
        if who == requestedBy.lowercased() {
            throw .notAllowed("\(person) requested this run and cannot also approve it (\(approval.grant))")
        }
        if approval.decisions.contains(where: { $0.by.lowercased() == who }) {
            throw .notAllowed("\(person) has already answered this request")
        }
        let answered = Set(approval.decisions.map(\.role))
        var candidates: [String] = []
        let isManager = who == employee.managerEmail?.lowercased()
        switch approval.requirement.approvers {
        case .manager:
            if isManager { candidates.append("manager") }
        case .group(let group):
            if isMember(who, of: group) { candidates.append("group:\(group)") }
        case .managerAndGroup(let group):
            if isManager { candidates.append("manager") }
            if isMember(who, of: group) { candidates.append("group:\(group)") }
        }
        if let escalated = approval.escalatedTo, isMember(who, of: escalated) { candidates.append("group:\(escalated)") }
        guard let role = candidates.first(where: { !answered.contains($0) }) ?? candidates.first else {
            throw .notAllowed("\(person) is not an approver for \(approval.grant) (needs \(describe(approval)))")
        }
        return role
    }

    /// True when the approvals given so far satisfy the rule.
    public func isSatisfied(_ approval: Approval) -> Bool {
        let approvedRoles = Set(approval.decisions.filter(\.approved).map(\.role))
        if let escalated = approval.escalatedTo, approvedRoles.contains("group:\(escalated)") { return true }
        switch approval.requirement.approvers {
        case .manager: return approvedRoles.contains("manager")
        case .group(let group): return approvedRoles.contains("group:\(group)")
        case .managerAndGroup(let group):
            return approvedRoles.contains("manager") && approvedRoles.contains("group:\(group)")
        }
    }

    public func describe(_ approval: Approval) -> String {
        var text: String
        switch approval.requirement.approvers {
        case .manager: text = "the employee's manager"
        case .group(let group): text = "a member of \(group)"
        case .managerAndGroup(let group): text = "the employee's manager and a member of \(group)"
        }
        if let escalated = approval.escalatedTo { text += ", or a member of \(escalated) (escalated)" }
        return text
    }

    private func isMember(_ person: String, of group: String) -> Bool {
        (groups[group] ?? []).contains { $0.lowercased() == person }
    }
}
