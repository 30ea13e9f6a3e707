import Foundation

/// One step of a plan before it is stored: what to do, in which tier, after what, and how to undo it.
public struct PlannedStep: Sendable, Hashable, Codable {
    /// Position in the plan (0-based); dependencies refer to these.
    public var index: Int
    public var system: String
    public var action: String
    public var parameters: [String: String]
    public var kind: ActionCapability.Kind
    public var purpose: StepPurpose
    /// 0-based tier: the stage of the plan the step belongs to.
    public var tier: Int
    public var dependencies: [Int]
    /// The action that undoes this step, from the catalog.
    public var compensation: String?
    public var critical: Bool
    public var approval: ApprovalRequirement?
    public var justifications: [Justification]
    /// Earliest time the step may run; nil = as soon as its dependencies are done.
    public var dueAt: Date?

    public init(
        index: Int, system: String, action: String, parameters: [String: String], kind: ActionCapability.Kind,
        purpose: StepPurpose, tier: Int = 0, dependencies: [Int] = [], compensation: String? = nil,
        critical: Bool = false, approval: ApprovalRequirement? = nil, justifications: [Justification] = [],
        dueAt: Date? = nil
    ) {
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
        self.dueAt = dueAt
    }

    /// `okta:add_to_group group=sales-team`.
    public var label: String { GrantKey(system: system, action: action, parameters: parameters).description }
}
