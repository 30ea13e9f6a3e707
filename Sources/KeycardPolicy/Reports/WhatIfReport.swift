import KeycardCore

/// What a policy change would do to every employee: per employee the grants added and revoked, and totals per system.
public struct WhatIfReport: Sendable, Hashable, Codable {
    /// One employee whose access would change.
    public struct EmployeeChange: Sendable, Hashable, Codable {
        public var employeeID: String
        public var displayName: String
        public var added: [GrantKey]
        public var revoked: [GrantKey]
    }

    /// Grants added and revoked in one system, over all employees.
    public struct SystemTotals: Sendable, Hashable, Codable {
        public var system: String
        public var added: Int
        public var revoked: Int
    }

    public var employeesCompared: Int
    /// Only employees with at least one change, in input order.
    public var changes: [EmployeeChange]
    /// Sorted by system name.
    public var totals: [SystemTotals]

    public var totalAdded: Int { totals.reduce(0) { $0 + $1.added } }
    public var totalRevoked: Int { totals.reduce(0) { $0 + $1.revoked } }
}

extension PolicySet {
    /// Compares the current policies with a proposed set over the given employees.
    ///
    /// Works on grant numbers rather than `Grant` values: each current grant key is mapped once to
    /// the proposed set's number for the same key, so comparing an employee is integer work.
    public static func whatif(current: PolicySet, proposed: PolicySet, employees: [Employee]) -> WhatIfReport {
        let before = current.compiled, after = proposed.compiled
        let mapped = before.entries.map { after.entryOfKey[$0] ?? -1 }
        var changes: [WhatIfReport.EmployeeChange] = []
        var added: [String: Int] = [:]
        var revoked: [String: Int] = [:]
        var present = [Bool](repeating: false, count: after.entries.count)
        for employee in employees {
            let old = before.entryNumbers(before.slots(for: employee))
            let new = after.entryNumbers(after.slots(for: employee))
            for number in new { present[number] = true }
            var revokedKeys: [GrantKey] = []
            var keptInNew = 0
            for number in old {
                let target = mapped[number]
                if target >= 0 && present[target] { keptInNew += 1 } else { revokedKeys.append(before.entries[number]) }
            }
            for number in new { present[number] = false }
            guard !revokedKeys.isEmpty || keptInNew != new.count else { continue }
            var kept = Set<Int>()
            for number in old where mapped[number] >= 0 { kept.insert(mapped[number]) }
            let addedKeys = new.filter { !kept.contains($0) }.map { after.entries[$0] }
            for key in addedKeys { added[key.system, default: 0] += 1 }
            for key in revokedKeys { revoked[key.system, default: 0] += 1 }
            changes.append(WhatIfReport.EmployeeChange(
                employeeID: employee.id, displayName: employee.displayName, added: addedKeys, revoked: revokedKeys))
        }
        let systems = Set(added.keys).union(revoked.keys).sorted()
        return WhatIfReport(
            employeesCompared: employees.count, changes: changes,
            totals: systems.map { WhatIfReport.SystemTotals(system: $0, added: added[$0] ?? 0, revoked: revoked[$0] ?? 0) })
    }
}
