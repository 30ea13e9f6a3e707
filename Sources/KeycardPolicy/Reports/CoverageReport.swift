import KeycardCore

/// Data-quality report: employees no role or department policy matches, and attribute values no policy mentions.
public struct CoverageReport: Sendable, Hashable, Codable {
    /// An employee matched by base policies only.
    public struct UncoveredEmployee: Sendable, Hashable, Codable {
        public var employeeID: String
        public var displayName: String
        public var department: String?
        public var jobTitle: String?
    }

    /// A value of a tested attribute that no condition mentions, with how many employees have it.
    public struct UnmentionedValue: Sendable, Hashable, Codable {
        public var attribute: String
        public var value: String
        public var employees: Int
        /// A mentioned value that differs only by case, spacing or a typo: likely the same thing spelled two ways.
        public var similarTo: String?
    }

    public var employeesChecked: Int
    public var uncovered: [UncoveredEmployee]
    public var unmentionedValues: [UnmentionedValue]
}

extension PolicySet {
    /// Attributes whose values the policies test with `==` / `in` (job_title, department, ...), with those values.
    var mentionedValues: [String: Set<String>] {
        var values: [String: Set<String>] = [:]
        func visit(_ expression: Expression) {
            switch expression.kind {
            case .compare(.equal, let left, let right), .compare(.notEqual, let left, let right):
                if case .attribute(let name) = left.kind, case .literal(.string(let value)) = right.kind { values[name, default: []].insert(value) }
                if case .attribute(let name) = right.kind, case .literal(.string(let value)) = left.kind { values[name, default: []].insert(value) }
            case .member(let element, let list):
                if case .attribute(let name) = element.kind, case .list(let items) = list.kind {
                    for item in items {
                        if case .literal(.string(let value)) = item.kind { values[name, default: []].insert(value) }
                    }
                }
            default: break
            }
            for child in expression.children { visit(child) }
        }
        for policy in policies { visit(policy.expression) }
        return values
    }

    /// Coverage of `employees` by the role and department policies, and the attribute values nobody wrote a policy for.
    public func coverage(employees: [Employee]) -> CoverageReport {
        var uncovered: [CoverageReport.UncoveredEmployee] = []
        for employee in employees {
            let matched = matchingPolicies(employee).filter { $0.effect == .allow }
            if !matched.contains(where: { $0.category == "role" || $0.category == "department" }) {
                uncovered.append(CoverageReport.UncoveredEmployee(
                    employeeID: employee.id, displayName: employee.displayName,
                    department: employee.string(CanonicalAttribute.department), jobTitle: employee.string(CanonicalAttribute.jobTitle)))
            }
        }
        var unmentioned: [CoverageReport.UnmentionedValue] = []
        for (attribute, mentioned) in mentionedValues.sorted(by: { $0.key < $1.key }) {
            var counts: [String: Int] = [:]
            for employee in employees {
                if let value = employee.string(attribute), !mentioned.contains(value) { counts[value, default: 0] += 1 }
            }
            for (value, count) in counts.sorted(by: { $0.key < $1.key }) {
                unmentioned.append(CoverageReport.UnmentionedValue(
                    attribute: attribute, value: value, employees: count, similarTo: Self.similar(value, mentioned)))
            }
        }
        return CoverageReport(employeesChecked: employees.count, uncovered: uncovered, unmentionedValues: unmentioned)
    }

    static func similar(_ value: String, _ mentioned: Set<String>) -> String? {
        func normal(_ text: String) -> String {
            String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        }
        let key = normal(value)
        return mentioned.sorted().first { candidate in
            let other = normal(candidate)
            return other == key || (key.count > 4 && PolicyLinter.editDistance(key, other) <= 2)
        }
    }
}
