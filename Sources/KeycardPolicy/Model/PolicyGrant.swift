import KeycardCore

/// One grant as a policy declares it: the access, its flags, and where it is written.
public struct PolicyGrant: Sendable, Hashable {
    public var system: String
    public var action: String
    public var parameters: [String: String]
    public var approval: ApprovalRequirement?
    public var critical: Bool
    public var bundle: String?
    /// Line of the grant in its policy file.
    public var line: Int

    public init(
        system: String, action: String, parameters: [String: String] = [:], approval: ApprovalRequirement? = nil,
        critical: Bool = false, bundle: String? = nil, line: Int = 0
    ) {
        self.system = system
        self.action = action
        self.parameters = parameters
        self.approval = approval
        self.critical = critical
        self.bundle = bundle
        self.line = line
    }

    public var key: GrantKey { GrantKey(system: system, action: action, parameters: parameters) }
}
