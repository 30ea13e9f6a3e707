import KeycardCore

extension PolicySet {
    /// Explains one grant for one employee: who gives it (or would), which deny rule removes it, each clause's value.
    public func explain(_ employee: Employee, _ grant: GrantKey) -> Explanation {
        let slots = compiled.slots(for: employee)
        var giving: [PolicyTrace] = []
        var bundles = Set<String>()
        for (index, policy) in policies.enumerated() where policy.effect == .allow {
            let templates = policy.grants.filter { $0.key == grant }
            guard !templates.isEmpty else { continue }
            bundles.formUnion(templates.compactMap(\.bundle))
            giving.append(trace(index, slots))
        }
        var denying: [PolicyTrace] = []
        for (index, policy) in policies.enumerated() where policy.effect == .deny {
            if !bundles.isDisjoint(with: policy.deniedBundles) { denying.append(trace(index, slots)) }
        }
        let outcome: Explanation.Outcome
        if giving.isEmpty {
            outcome = .unknownGrant
        } else if compiled.grants(slots).contains(where: { $0.key == grant }) {
            outcome = .granted
        } else if giving.contains(where: \.holds) {
            outcome = .denied
        } else {
            outcome = .notGranted
        }
        return Explanation(
            employeeID: employee.id, grant: grant, outcome: outcome, givingPolicies: giving, denyingPolicies: denying)
    }

    /// Explains a policy's condition for an employee, clause by clause.
    public func trace(policyID: String, _ employee: Employee) -> PolicyTrace? {
        guard let index = policies.firstIndex(where: { $0.id == policyID }) else { return nil }
        return trace(index, compiled.slots(for: employee))
    }

    func trace(_ index: Int, _ slots: [PolicyValue]) -> PolicyTrace {
        let policy = policies[index]
        let source = Array(policy.condition.unicodeScalars)
        var clauses: [ClauseTrace] = []
        collectClauses(policy.expression, depth: 0, source: source, slots: slots, into: &clauses)
        return PolicyTrace(
            policyID: policy.id, file: policy.file, line: policy.line, version: policy.version,
            condition: policy.condition, holds: compiled.rules[index].condition.holds(slots), clauses: clauses)
    }

    private func collectClauses(
        _ expression: Expression, depth: Int, source: [Unicode.Scalar], slots: [PolicyValue], into clauses: inout [ClauseTrace]
    ) {
        let program = ConditionProgram.lower(expression) { compiled.slotOfAttribute[$0] ?? 0 }
        let value: PolicyValue
        switch program {
        case .constant, .slot, .list, .date, .negate: value = program.value(slots)
        default: value = .bool(program.holds(slots))
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: source[max(0, expression.start)..<min(source.count, expression.end)])
        let isLogical: Bool
        switch expression.kind {
        case .and, .or, .not: isLogical = true
        default: isLogical = false
        }
        var attributes: [String: String] = [:]
        if !isLogical {
            for name in expression.attributes {
                attributes[name] = compiled.slotOfAttribute[name].map { slots[$0].description } ?? "null"
            }
        }
        clauses.append(ClauseTrace(depth: depth, text: String(text), value: value.description, attributes: attributes))
        if isLogical {
            for child in expression.children {
                collectClauses(child, depth: depth + 1, source: source, slots: slots, into: &clauses)
            }
        }
    }
}
