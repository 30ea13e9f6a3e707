import KeycardCore

/// One expectation of a policy test file: an employee's attributes and the grants they must (not) get.
public struct PolicyExpectation: Sendable, Hashable {
    public var name: String
    public var file: String
    public var line: Int
    public var employee: Employee
    /// The exact grant set expected, when given.
    public var grants: [GrantKey]?
    /// Grants that must be among the result.
    public var includes: [GrantKey]
    /// Grants that must not be among the result.
    public var excludes: [GrantKey]

    public init(
        name: String, file: String = "", line: Int = 0, employee: Employee, grants: [GrantKey]? = nil,
        includes: [GrantKey] = [], excludes: [GrantKey] = []
    ) {
        self.name = name
        self.file = file
        self.line = line
        self.employee = employee
        self.grants = grants
        self.includes = includes
        self.excludes = excludes
    }
}

/// The outcome of one expectation; a failure lists what was missing and what was unexpected.
public struct PolicyTestResult: Sendable, Hashable, Codable, CustomStringConvertible {
    public var name: String
    public var file: String
    public var line: Int
    /// Expected grants the policies did not give.
    public var missing: [GrantKey]
    /// Grants given that were not expected (or were excluded).
    public var unexpected: [GrantKey]

    public var passed: Bool { missing.isEmpty && unexpected.isEmpty }

    public var description: String {
        var lines = ["\(passed ? "PASS" : "FAIL") \(name)  (\(file):\(line))"]
        lines += missing.map { "    - \($0)   (expected, not given)" }
        lines += unexpected.map { "    + \($0)   (given, not expected)" }
        return lines.joined(separator: "\n")
    }
}

extension PolicySet {
    /// Runs expectations against the policies.
    public func run(_ expectations: [PolicyExpectation]) -> [PolicyTestResult] {
        expectations.map { expectation in
            let given = evaluate(expectation.employee).map(\.key)
            let givenSet = Set(given)
            var missing = expectation.includes.filter { !givenSet.contains($0) }
            var unexpected = expectation.excludes.filter { givenSet.contains($0) }
            if let exact = expectation.grants {
                let expected = Set(exact)
                missing += exact.filter { !givenSet.contains($0) }
                unexpected += given.filter { !expected.contains($0) }
            }
            return PolicyTestResult(
                name: expectation.name, file: expectation.file, line: expectation.line,
                missing: Array(Set(missing)).sorted(), unexpected: Array(Set(unexpected)).sorted())
        }
    }
}
