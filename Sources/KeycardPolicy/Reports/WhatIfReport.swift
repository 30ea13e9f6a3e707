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
    public static func whatif(current: PolicySet, proposed: PolicySet, employees: [Employee]) -> WhatIfReport {
        var changes: [WhatIfReport.EmployeeChange] = []
        var added: [String: Int] = [:]
        var revoked: [String: Int] = [:]
        for employee in employees {
            let diff = GrantDiff(before: current.evaluate(employee), after: proposed.evaluate(employee))
            guard !diff.isEmpty else { continue }
            for grant in diff.add { added[grant.system, default: 0] += 1 }
            for grant in diff.revoke { revoked[grant.system, default: 0] += 1 }
            changes.append(WhatIfReport.EmployeeChange(
                employeeID: employee.id, displayName: employee.displayName,
                added: diff.add.map(\.key), revoked: diff.revoke.map(\.key)))
        }
        let systems = Set(added.keys).union(revoked.keys).sorted()
        return WhatIfReport(
            employeesCompared: employees.count, changes: changes,
            totals: systems.map { WhatIfReport.SystemTotals(system: $0, added: added[$0] ?? 0, revoked: revoked[$0] ?? 0) })
    }
}
