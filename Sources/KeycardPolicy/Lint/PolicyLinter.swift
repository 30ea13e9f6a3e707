import KeycardCore

/// Checks policy files for mistakes that load fine but give wrong access.
public enum PolicyLinter {
    /// Lints the policy files of a directory: YAML and condition errors first, then the checks of `lint(catalog:knownAttributes:)`.
    public static func lint(
        directory: String, catalog: CapabilityCatalog, knownAttributes: Set<String>, limits: ExpressionLimits = .standard
    ) -> [LintFinding] {
        let files: [(path: String, text: String)]
        do {
            files = try PolicySet.readFiles(directory: directory)
        } catch {
            return error.problems.map { finding(from: $0, code: "yaml") }
        }
        var policies: [Policy] = []
        var findings: [LintFinding] = []
        for file in files {
            let parsed = PolicyFileParser.parse(file.text, file: file.path, limits: limits)
            policies += parsed.policies
            findings += parsed.problems.map { finding(from: $0, code: $0.message.hasPrefix("YAML") ? "yaml" : "invalid") }
        }
        var seen: [String: Policy] = [:]
        var unique: [Policy] = []
        for policy in policies {
            if let first = seen[policy.id] {
                findings.append(LintFinding(
                    severity: .error, code: "duplicate-id", file: policy.file, line: policy.line, policyID: policy.id,
                    message: "id already used at \(first.location)"))
            } else {
                seen[policy.id] = policy
                unique.append(policy)
            }
        }
        if let set = try? PolicySet(policies: unique) {
            findings += set.lint(catalog: catalog, knownAttributes: knownAttributes)
        }
        return findings
    }

    static func finding(from problem: PolicyProblem, code: String) -> LintFinding {
        LintFinding(
            severity: .error, code: code, file: problem.file, line: problem.line, policyID: problem.policyID,
            message: problem.message)
    }

    /// The closest known name within edit distance 2, for "did you mean".
    static func suggestion(for name: String, among names: Set<String>) -> String? {
        names.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left.unicodeScalars), b = Array(right.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension PolicySet {
    /// Static checks: unknown attributes, systems, actions and parameters; conditions that never hold;
    /// grants that a deny rule removes for everyone who gets them; unused deny bundles; empty policies.
    public func lint(catalog: CapabilityCatalog, knownAttributes: Set<String>) -> [LintFinding] {
        let known = knownAttributes.union(CanonicalAttribute.all)
        var findings: [LintFinding] = []
        var grantedBundles = Set<String>()
        for policy in policies {
            let analyzer = ConditionAnalyzer(condition: policy.condition)
            func add(_ severity: LintFinding.Severity, _ code: String, line: Int? = nil, _ message: String) {
                findings.append(LintFinding(
                    severity: severity, code: code, file: policy.file, line: line ?? policy.line, policyID: policy.id,
                    message: message))
            }
            for name in policy.expression.attributes.sorted() where !known.contains(name) {
                let hint = PolicyLinter.suggestion(for: name, among: known).map { " (did you mean employee.\($0)?)" } ?? ""
                add(.error, "unknown-attribute",
                    "employee.\(name) is not a canonical attribute and no stored employee has it\(hint)")
            }
            if analyzer.neverHolds(policy.expression) {
                add(.error, "never-true", "condition can never be true: \(policy.condition)")
            }
            if policy.effect == .allow && policy.grants.isEmpty {
                add(.warning, "empty-policy", "policy gives no grants")
            }
            for grant in policy.grants {
                grantedBundles.formUnion(grant.bundle.map { [$0] } ?? [])
                guard let system = catalog.systems[grant.system] else {
                    let hint = PolicyLinter.suggestion(for: grant.system, among: Set(catalog.systemNames)).map { " (did you mean \($0)?)" } ?? ""
                    add(.error, "unknown-system", line: grant.line,
                        "system '\(grant.system)' is not in the capability catalog\(hint); known: \(catalog.systemNames.joined(separator: ", "))")
                    continue
                }
                guard let action = system.action(grant.action) else {
                    add(.error, "unknown-action", line: grant.line,
                        "\(grant.system) has no action '\(grant.action)'; it has: \(system.actions.map(\.name).joined(separator: ", "))")
                    continue
                }
                for parameter in action.requiredParameters where grant.parameters[parameter] == nil {
                    add(.warning, "missing-parameter", line: grant.line,
                        "\(grant.system):\(grant.action) needs parameter '\(parameter)'")
                }
            }
        }
        findings += alwaysDeniedFindings()
        for policy in policies where policy.effect == .deny {
            for bundle in policy.deniedBundles where !grantedBundles.contains(bundle) {
                findings.append(LintFinding(
                    severity: .warning, code: "unused-bundle", file: policy.file, line: policy.line, policyID: policy.id,
                    message: "no grant is in bundle '\(bundle)', so this deny rule removes nothing"))
            }
        }
        return findings
    }

    /// Grants whose every holder also matches a deny rule on the grant's bundle.
    private func alwaysDeniedFindings() -> [LintFinding] {
        var findings: [LintFinding] = []
        let denies = policies.filter { $0.effect == .deny }
        for policy in policies where policy.effect == .allow {
            let analyzer = ConditionAnalyzer(condition: policy.condition)
            let clauses = Set(analyzer.conjuncts(policy.expression).map(analyzer.text))
            for grant in policy.grants {
                guard let bundle = grant.bundle else { continue }
                for deny in denies where deny.deniedBundles.contains(bundle) {
                    let denyAnalyzer = ConditionAnalyzer(condition: deny.condition)
                    let denyClauses = Set(denyAnalyzer.conjuncts(deny.expression).map(denyAnalyzer.text))
                    if denyAnalyzer.alwaysHolds(deny.expression) || denyClauses.isSubset(of: clauses) {
                        findings.append(LintFinding(
                            severity: .warning, code: "always-denied", file: policy.file, line: grant.line,
                            policyID: policy.id,
                            message: "\(grant.key) is given and then removed for everyone by deny rule \(deny.id) (\(deny.location))"))
                    }
                }
            }
        }
        return findings
    }
}
