import Crypto
import Foundation
import KeycardCore
import Yams

/// Reads one policy file (a YAML list of policies) into checked `Policy` values, collecting every problem.
public struct PolicyFileParser {
    public let file: String
    public let limits: ExpressionLimits
    private(set) var problems: [PolicyProblem] = []
    private var version = ""

    static let policyKeys: Set<String> = ["id", "description", "owner", "category", "effect", "when", "grants", "bundle", "bundles"]
    static let grantFlagKeys: Set<String> = ["system", "action", "approval", "approvers", "reason", "high_risk", "critical", "bundle"]

    /// Parses `text`; returns the policies that are valid and the problems of the rest.
    public static func parse(_ text: String, file: String, limits: ExpressionLimits = .standard) -> (policies: [Policy], problems: [PolicyProblem]) {
        var parser = PolicyFileParser(file: file, limits: limits)
        let policies = parser.parse(text)
        return (policies, parser.problems)
    }

    /// `sha256:` + the first 12 hex digits of the SHA-256 of the file's bytes.
    public static func version(of text: String) -> String {
        let digest = SHA256.hash(data: Data(text.utf8))
        return "sha256:" + Hex.string(Array(digest.prefix(6)))
    }

    private init(file: String, limits: ExpressionLimits) {
        self.file = file
        self.limits = limits
    }

    private mutating func problem(_ node: Node?, _ message: String, policy: String? = nil) {
        problems.append(PolicyProblem(
            file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, policyID: policy, message: message))
    }

    private mutating func parse(_ text: String) -> [Policy] {
        version = Self.version(of: text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            problems.append(Self.problem(from: error, file: file))
            return []
        } catch {
            problems.append(PolicyProblem(file: file, line: 1, message: "YAML error: \(error)"))
            return []
        }
        guard let root else { return [] }
        guard Self.fits(root, budget: Self.maximumNodes) else {
            problem(root, "the file expands to more than \(Self.maximumNodes) YAML nodes (aliases of aliases?); policies need no aliases")
            return []
        }
        guard case .sequence(let sequence) = root else {
            problem(root, "a policy file holds a list of policies (each item starting with '- id:')")
            return []
        }
        var policies: [Policy] = []
        for item in sequence {
            if let policy = parsePolicy(item) { policies.append(policy) }
        }
        return policies
    }

    /// More nodes than any real policy set has; an alias bomb ("billion laughs") expands far beyond it.
    static let maximumNodes = 200_000

    /// True when the tree, with every alias expanded, has at most `budget` nodes; stops counting past it.
    static func fits(_ root: Node, budget: Int) -> Bool {
        var remaining = budget
        var stack = [root]
        while let node = stack.popLast() {
            remaining -= 1
            if remaining < 0 { return false }
            switch node {
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            default: break
            }
        }
        return true
    }

    static func problem(from error: YamlError, file: String) -> PolicyProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return PolicyProblem(file: file, line: mark.line, column: mark.column, message: "YAML error: \(detail)\(problem)")
        default:
            return PolicyProblem(file: file, line: 1, message: "YAML error: \(error)")
        }
    }

    private mutating func parsePolicy(_ node: Node) -> Policy? {
        guard case .mapping(let mapping) = node else {
            problem(node, "expected a policy (a mapping with id, when, grants), found \(Self.kind(of: node))")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            fields[name] = value
        }
        guard let idNode = fields["id"], let id = idNode.scalar?.string, !id.isEmpty else {
            problem(node, "policy has no 'id'")
            return nil
        }
        var failed = false
        for (key, _) in mapping {
            guard let name = key.string, !Self.policyKeys.contains(name) else { continue }
            problem(key, "unknown field '\(name)' (known: \(Self.policyKeys.sorted().joined(separator: ", ")))", policy: id)
            failed = true
        }
        let effect: PolicyEffect
        switch fields["effect"]?.scalar?.string ?? "allow" {
        case "allow", "permit": effect = .allow
        case "deny", "forbid": effect = .deny
        case let other:
            problem(fields["effect"], "effect '\(other)' is not allow, permit, deny or forbid", policy: id)
            return nil
        }
        guard let whenNode = fields["when"], let condition = whenNode.scalar?.string else {
            problem(node, "policy has no 'when' condition (write `when: \"true\"` for everyone)", policy: id)
            return nil
        }
        guard let expression = parseCondition(condition, node: whenNode, policy: id) else { return nil }
        var grants: [PolicyGrant] = []
        var bundles: [String] = []
        switch effect {
        case .allow:
            guard case .sequence(let grantNodes)? = fields["grants"] else {
                problem(fields["grants"] ?? node, "an allow policy needs a 'grants' list", policy: id)
                return nil
            }
            for grantNode in grantNodes {
                if let grant = parseGrant(grantNode, policy: id) { grants.append(grant) } else { failed = true }
            }
        case .deny:
            if fields["grants"] != nil {
                problem(fields["grants"], "a deny rule names bundles to remove ('bundle:'), not grants", policy: id)
                failed = true
            }
            if let bundle = fields["bundle"]?.scalar?.string { bundles.append(bundle) }
            if case .sequence(let items)? = fields["bundles"] { bundles += items.compactMap { $0.scalar?.string } }
            if bundles.isEmpty {
                problem(node, "a deny rule needs 'bundle: NAME' (the bundle whose grants it removes)", policy: id)
                return nil
            }
        }
        if failed { return nil }
        return Policy(
            id: id, description: fields["description"]?.scalar?.string ?? "", owner: fields["owner"]?.scalar?.string,
            category: fields["category"]?.scalar?.string, effect: effect, condition: condition, expression: expression,
            grants: grants, deniedBundles: bundles, file: file, line: node.mark?.line ?? 1, version: version)
    }

    private mutating func parseCondition(_ condition: String, node: Node, policy: String) -> Expression? {
        do {
            let expression = try Parser.parse(condition, limits: limits)
            try TypeChecker.check(expression, source: condition, limits: limits)
            return expression
        } catch {
            let mark = node.mark
            let isBlock = node.scalar?.style == .literal || node.scalar?.style == .folded
            let line = (mark?.line ?? 1) + error.line - 1 + (isBlock ? 1 : 0)
            let quoted = node.scalar?.style == .doubleQuoted || node.scalar?.style == .singleQuoted
            let column = error.line == 1 && !isBlock ? (mark?.column ?? 1) + error.column - 1 + (quoted ? 1 : 0) : error.column
            problems.append(PolicyProblem(
                file: file, line: line, column: column, policyID: policy,
                message: "condition: \(error.message)\n    \(error.sourceLine)\n    \(error.caretLine)"))
            return nil
        }
    }

    private mutating func parseGrant(_ node: Node, policy: String) -> PolicyGrant? {
        guard case .mapping(let mapping) = node else {
            problem(node, "expected a grant ({ system: ..., action: ..., ... }), found \(Self.kind(of: node))", policy: policy)
            return nil
        }
        var flags: [String: Node] = [:]
        var parameters: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if Self.grantFlagKeys.contains(name) {
                flags[name] = value
            } else if let text = value.scalar?.string {
                parameters[name] = text
            } else {
                problem(value, "grant parameter '\(name)' must be a single value", policy: policy)
                return nil
            }
        }
        guard let system = flags["system"]?.scalar?.string, let action = flags["action"]?.scalar?.string else {
            problem(node, "a grant needs 'system' and 'action'", policy: policy)
            return nil
        }
        var approval: ApprovalRequirement?
        if let approvalNode = flags["approval"] {
            switch approvalNode.scalar?.string {
            case "required":
                guard let approvers = parseApprovers(flags["approvers"], policy: policy) else { return nil }
                approval = ApprovalRequirement(
                    approvers: approvers, reason: flags["reason"]?.scalar?.string,
                    highRisk: flags["high_risk"]?.bool ?? false)
            case "none": break
            default:
                problem(approvalNode, "approval must be 'required' or 'none'", policy: policy)
                return nil
            }
        } else if flags["approvers"] != nil || flags["high_risk"] != nil {
            problem(flags["approvers"] ?? flags["high_risk"], "approvers and high_risk need 'approval: required'", policy: policy)
            return nil
        }
        var critical = false
        if let criticalNode = flags["critical"] {
            guard let value = criticalNode.bool else {
                problem(criticalNode, "critical must be true or false", policy: policy)
                return nil
            }
            critical = value
        }
        return PolicyGrant(
            system: system, action: action, parameters: parameters, approval: approval, critical: critical,
            bundle: flags["bundle"]?.scalar?.string, line: node.mark?.line ?? 1)
    }

    private mutating func parseApprovers(_ node: Node?, policy: String) -> ApprovalRequirement.Approvers? {
        guard let node else { return .manager }
        let text = node.scalar?.string ?? ""
        if text == "manager" { return .manager }
        if text.hasPrefix("group:"), text.count > 6 { return .group(String(text.dropFirst(6))) }
        if text.hasPrefix("manager+group:"), text.count > 14 { return .managerAndGroup(String(text.dropFirst(14))) }
        problem(node, "approvers '\(text)' must be manager, group:NAME or manager+group:NAME", policy: policy)
        return nil
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the value '\(scalar.string)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
