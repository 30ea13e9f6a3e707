import KeycardCore

/// What to plan for one employee: the grants to give, to take away, and the ones that stay as they are.
public struct PlanRequest: Sendable, Hashable {
    public var kind: RunKind
    public var employee: Employee
    /// Grants to provision (joiner: all of them; mover: the new ones).
    public var add: [Grant]
    /// Grants to take away (mover: the old ones not kept; leaver: everything the employee has).
    public var revoke: [Grant]
    /// Grants the employee keeps: never touched, and they satisfy the needs of new grants.
    public var keep: [Grant]

    public init(kind: RunKind, employee: Employee, add: [Grant] = [], revoke: [Grant] = [], keep: [Grant] = []) {
        self.kind = kind
        self.employee = employee
        self.add = add
        self.revoke = revoke
        self.keep = keep
    }

    /// A new hire gets every grant.
    public static func joiner(_ employee: Employee, grants: [Grant]) -> PlanRequest {
        PlanRequest(kind: .joiner, employee: employee, add: grants)
    }

    /// A move adds `add` first, then revokes `revoke`; `keep` stays untouched, so shared access never has a gap.
    public static func mover(_ employee: Employee, add: [Grant], revoke: [Grant], keep: [Grant]) -> PlanRequest {
        PlanRequest(kind: .mover, employee: employee, add: add, revoke: revoke, keep: keep)
    }

    /// A leaver loses everything they have: memberships first, then accounts.
    public static func leaver(_ employee: Employee, currentGrants: [Grant]) -> PlanRequest {
        PlanRequest(kind: .leaver, employee: employee, revoke: currentGrants)
    }
}
