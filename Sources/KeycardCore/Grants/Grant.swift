/// One piece of access an employee should have in one system, with every reason for it.
public struct Grant: Sendable, Hashable, Codable {
    public var system: String
    public var action: String
    /// Action parameters (`group`, `role`, `profile`, `channel`, ...), compared as part of the grant's identity.
    public var parameters: [String: String]
    /// Sensitive access waits for an approver before it runs.
    public var approval: ApprovalRequirement?
    /// A failure of this grant rolls the whole run back.
    public var critical: Bool
    /// The named bundle deny rules can remove it by (`prod-access`, `admin`, ...).
    public var bundle: String?
    public var justifications: [Justification]

    public init(
        system: String, action: String, parameters: [String: String] = [:],
        approval: ApprovalRequirement? = nil, critical: Bool = false, bundle: String? = nil,
        justifications: [Justification] = []
    ) {
        self.system = system
        self.action = action
        self.parameters = parameters
        self.approval = approval
        self.critical = critical
        self.bundle = bundle
        self.justifications = justifications
    }

    /// The grant's identity without its reasons: two policies giving the same key give one grant.
    public var key: GrantKey { GrantKey(system: system, action: action, parameters: parameters) }
}

/// The identity of a grant: system, action and parameters.
public struct GrantKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var system: String
    public var action: String
    public var parameters: [String: String]

    public init(system: String, action: String, parameters: [String: String] = [:]) {
        self.system = system
        self.action = action
        self.parameters = parameters
    }

    /// `system:action key=value ...` with parameters sorted by name.
    public var description: String {
        let params = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ([system + ":" + action] + params).joined(separator: " ")
    }

    public static func < (lhs: GrantKey, rhs: GrantKey) -> Bool { lhs.description < rhs.description }
}
