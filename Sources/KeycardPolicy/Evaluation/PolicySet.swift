import Foundation
import KeycardCore

/// A loaded, checked and compiled set of policies: the answer to "what access does this employee get, and why".
///
/// Grant order is stable: grouped by system in the order systems first appear in the policy
/// files (files sorted by path), then in declaration order within a system.
public struct PolicySet: Sendable {
    public let policies: [Policy]
    let compiled: CompiledPolicies

    /// Compiles already parsed policies; fails on duplicate ids.
    public init(policies: [Policy]) throws(PolicyLoadError) {
        var seen: [String: Policy] = [:]
        var problems: [PolicyProblem] = []
        for policy in policies {
            if let first = seen[policy.id] {
                problems.append(PolicyProblem(
                    file: policy.file, line: policy.line, policyID: policy.id,
                    message: "duplicate policy id (first defined at \(first.location))"))
            } else {
                seen[policy.id] = policy
            }
        }
        if !problems.isEmpty { throw PolicyLoadError(problems) }
        self.policies = policies
        self.compiled = CompiledPolicies(policies)
    }

    /// Parses and compiles policy file texts (`(relative path, YAML)`), in the order given.
    public init(files: [(path: String, text: String)], limits: ExpressionLimits = .standard) throws(PolicyLoadError) {
        var policies: [Policy] = []
        var problems: [PolicyProblem] = []
        for file in files {
            let parsed = PolicyFileParser.parse(file.text, file: file.path, limits: limits)
            policies += parsed.policies
            problems += parsed.problems
        }
        if !problems.isEmpty { throw PolicyLoadError(problems) }
        try self.init(policies: policies)
    }

    /// Loads every `*.yaml` / `*.yml` file under `directory` (sorted by relative path).
    public static func load(directory: String, limits: ExpressionLimits = .standard) throws(PolicyLoadError) -> PolicySet {
        try PolicySet(files: try readFiles(directory: directory), limits: limits)
    }

    /// The YAML files under `directory` with their paths relative to it, sorted.
    public static func readFiles(directory: String) throws(PolicyLoadError) -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PolicyLoadError([PolicyProblem(file: directory, line: 0, message: "policies directory not found")])
        }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if ["yaml", "yml"].contains(url.pathExtension) {
                paths.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
            }
        }
        var files: [(path: String, text: String)] = []
        for path in paths.sorted() {
            do {
                files.append((path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
            } catch {
                throw PolicyLoadError([PolicyProblem(file: path, line: 0, message: "cannot read: \(error.localizedDescription)")])
            }
        }
        return files
    }

    /// The policy with this id.
    public func policy(id: String) -> Policy? { policies.first { $0.id == id } }

    /// Every grant key some policy can give, in output order.
    public var grantKeys: [GrantKey] { compiled.entries }

    /// Attribute names the conditions read.
    public var testedAttributes: Set<String> { Set(compiled.attributeNames) }

    /// The employee's grants: deterministic, one per key with every justification, deny rules applied.
    public func evaluate(_ employee: Employee) -> [Grant] {
        compiled.grants(compiled.slots(for: employee))
    }

    /// Whether a policy's condition holds for the employee.
    public func matches(_ policy: Policy, _ employee: Employee) -> Bool {
        guard let index = policies.firstIndex(where: { $0.id == policy.id }) else { return false }
        return compiled.rules[index].condition.holds(compiled.slots(for: employee))
    }

    /// Ids of the policies (allow and deny) whose condition holds for the employee.
    public func matchingPolicies(_ employee: Employee) -> [Policy] {
        let slots = compiled.slots(for: employee)
        return compiled.rules.filter { $0.condition.holds(slots) }.map { policies[$0.policyIndex] }
    }
}
