import KeycardCore

/// Why an employee has (or lacks) one grant: the policies that give it, would give it, or deny it.
public struct Explanation: Sendable, Hashable, Codable {
    /// The verdict for this employee.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// A policy gives it and no deny rule removes it.
        case granted
        /// A policy would give it but a deny rule removes it.
        case denied
        /// Policies declare it, but none of their conditions holds.
        case notGranted = "not_granted"
        /// No policy declares this grant at all.
        case unknownGrant = "unknown_grant"
    }

    public var employeeID: String
    public var grant: GrantKey
    public var outcome: Outcome
    /// Allow policies that declare this grant, with their evaluation for this employee.
    public var givingPolicies: [PolicyTrace]
    /// Deny rules on the grant's bundle, with their evaluation.
    public var denyingPolicies: [PolicyTrace]
}

/// One policy's condition evaluated for one employee, clause by clause.
public struct PolicyTrace: Sendable, Hashable, Codable {
    public var policyID: String
    public var file: String
    public var line: Int
    public var version: String
    public var condition: String
    public var holds: Bool
    public var clauses: [ClauseTrace]
}

/// One sub-condition and its value; `depth` nests clauses under `&&`, `||` and `!`.
public struct ClauseTrace: Sendable, Hashable, Codable {
    public var depth: Int
    public var text: String
    public var value: String
    /// The employee's value of each attribute the clause reads (`null` when absent).
    public var attributes: [String: String]
}

extension Explanation: CustomStringConvertible {
    /// A readable report, as `keycard explain` prints it.
    public var description: String {
        var lines: [String] = []
        let verdict: String
        switch outcome {
        case .granted: verdict = "GRANTED"
        case .denied: verdict = "DENIED (removed by a deny rule)"
        case .notGranted: verdict = "NOT GRANTED (no policy's condition holds)"
        case .unknownGrant: verdict = "UNKNOWN (no policy gives this grant)"
        }
        lines.append("\(grant) for \(employeeID): \(verdict)")
        if !givingPolicies.isEmpty { lines += ["", "Policies that give it:"] }
        for trace in givingPolicies { lines += trace.lines }
        if !denyingPolicies.isEmpty { lines += ["", "Deny rules on its bundle:"] }
        for trace in denyingPolicies { lines += trace.lines }
        return lines.joined(separator: "\n")
    }
}

extension PolicyTrace {
    var lines: [String] {
        var lines = ["  \(holds ? "✓" : "✗") \(policyID)  (\(file):\(line), \(version))  — condition \(holds ? "holds" : "does not hold")"]
        for clause in clauses {
            let indent = String(repeating: "    ", count: clause.depth + 1)
            let values = clause.attributes.sorted { $0.key < $1.key }.map { "employee.\($0.key) = \($0.value)" }
            let suffix = values.isEmpty ? "" : "   [" + values.joined(separator: ", ") + "]"
            lines.append("  \(indent)\(clause.text)  → \(clause.value)\(suffix)")
        }
        return lines
    }
}
