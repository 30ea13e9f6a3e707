import KeycardCore

/// What changes for an employee: grants to add, to revoke, and to keep (each in the policy set's order).
public struct GrantDiff: Sendable, Hashable, Codable {
    public var add: [Grant]
    public var revoke: [Grant]
    public var keep: [Grant]

    public init(add: [Grant] = [], revoke: [Grant] = [], keep: [Grant] = []) {
        self.add = add
        self.revoke = revoke
        self.keep = keep
    }

    /// True when nothing is added or revoked.
    public var isEmpty: Bool { add.isEmpty && revoke.isEmpty }

    /// The difference between two grant lists: add = new − old, revoke = old − new, keep = both (with the new reasons).
    public init(before: [Grant], after: [Grant]) {
        let beforeKeys = Set(before.map(\.key))
        let afterKeys = Set(after.map(\.key))
        self.add = after.filter { !beforeKeys.contains($0.key) }
        self.revoke = before.filter { !afterKeys.contains($0.key) }
        self.keep = after.filter { beforeKeys.contains($0.key) }
    }
}

extension PolicySet {
    /// Mover diff: the grants of the employee's previous attributes against those of the new ones.
    public func diff(before: Employee, after: Employee) -> GrantDiff {
        GrantDiff(before: evaluate(before), after: evaluate(after))
    }

    /// Leaver: everything the employee's attributes give is revoked.
    public func leaver(_ employee: Employee) -> GrantDiff {
        GrantDiff(revoke: evaluate(employee))
    }
}
