import KeycardCore

/// A policy set compiled for evaluation: attribute slots, rule indexes, and the grant output order.
final class CompiledPolicies: Sendable {
    /// One policy ready to run.
    struct Rule: Sendable {
        var policyIndex: Int
        var condition: ConditionProgram
        /// What is left to test once the index matched; nil when the index lookup is the whole test.
        var residual: ConditionProgram?
        /// Grants of an allow policy: output entry and the grant carrying this policy's justification.
        var grants: [(entry: Int, bundle: Int, grant: Grant)]
        /// Bundles a deny rule removes.
        var deniedBundles: [Int]
    }

    let attributeNames: [String]
    let slotOfAttribute: [String: Int]
    let rules: [Rule]
    let permitIndex: RuleIndex
    let denyIndex: RuleIndex
    /// Distinct grant keys in output order.
    let entries: [GrantKey]
    let bundleNames: [String]
    let entryOfKey: [GrantKey: Int]

    init(_ policies: [Policy]) {
        var slots: [String: Int] = [:]
        var names: [String] = []
        func slot(_ name: String) -> Int {
            if let existing = slots[name] { return existing }
            slots[name] = names.count
            names.append(name)
            return names.count - 1
        }
        var bundles: [String: Int] = [:]
        var bundleNames = ["\u{0}none"]
        func bundle(_ name: String?) -> Int {
            guard let name else { return 0 }
            if let existing = bundles[name] { return existing }
            bundles[name] = bundleNames.count
            bundleNames.append(name)
            return bundleNames.count - 1
        }

        var firstSeen: [GrantKey: Int] = [:]
        var systemRank: [String: Int] = [:]
        for policy in policies where policy.effect == .allow {
            for grant in policy.grants {
                let key = grant.key
                if firstSeen[key] == nil { firstSeen[key] = firstSeen.count }
                if systemRank[grant.system] == nil { systemRank[grant.system] = systemRank.count }
            }
        }
        let entries = firstSeen.keys.sorted { lhs, rhs in
            let left = (systemRank[lhs.system]!, firstSeen[lhs]!)
            let right = (systemRank[rhs.system]!, firstSeen[rhs]!)
            return left < right
        }
        var entryOfKey: [GrantKey: Int] = [:]
        for (position, key) in entries.enumerated() { entryOfKey[key] = position }

        var rules: [Rule] = []
        for (policyIndex, policy) in policies.enumerated() {
            let justification = Justification(
                policyID: policy.id, policyVersion: policy.version, condition: policy.condition, file: policy.file)
            let grants = policy.effect == .deny ? [] : policy.grants.map { template in
                (entryOfKey[template.key]!, bundle(template.bundle),
                 Grant(system: template.system, action: template.action, parameters: template.parameters,
                       approval: template.approval, critical: template.critical, bundle: template.bundle,
                       justifications: [justification]))
            }
            rules.append(Rule(
                policyIndex: policyIndex, condition: ConditionProgram.lower(policy.expression, slot: slot),
                residual: nil, grants: grants,
                deniedBundles: policy.effect == .deny ? policy.deniedBundles.map { bundle($0) } : []))
        }
        let permitRules = rules.indices.filter { policies[$0].effect == .allow }
        let denyRules = rules.indices.filter { policies[$0].effect == .deny }
        let permit = IndexPlanner.build(permitRules.map { rules[$0].condition })
        let deny = IndexPlanner.build(denyRules.map { rules[$0].condition })
        for (position, ruleIndex) in permitRules.enumerated() { rules[ruleIndex].residual = permit.residuals[position] }
        for (position, ruleIndex) in denyRules.enumerated() { rules[ruleIndex].residual = deny.residuals[position] }

        self.attributeNames = names
        self.slotOfAttribute = slots
        self.rules = rules
        self.permitIndex = Self.remap(permit.index, to: permitRules)
        self.denyIndex = Self.remap(deny.index, to: denyRules)
        self.entries = entries
        self.bundleNames = bundleNames
        self.entryOfKey = entryOfKey
    }

    private static func remap(_ index: RuleIndex, to ruleIndexes: [Int]) -> RuleIndex {
        RuleIndex(
            tables: index.tables.map { table in
                RuleIndex.Table(slot: table.slot, rules: table.rules.mapValues { $0.map { ruleIndexes[$0] } })
            },
            unindexed: index.unindexed.map { ruleIndexes[$0] })
    }

    /// The employee's attributes, one per slot (`null` when absent).
    func slots(for employee: Employee) -> [PolicyValue] {
        attributeNames.map { name in employee.attributes[name].map(PolicyValue.init) ?? .null }
    }

    /// Bundles removed for this employee (index = bundle number); empty when no deny rule holds.
    func deniedBundles(_ slots: [PolicyValue]) -> [Bool] {
        var denied: [Bool] = []
        var candidates: [Int] = []
        denyIndex.candidates(slots, into: &candidates)
        rules.withUnsafeBufferPointer { rules in
            for ruleIndex in candidates where rules[ruleIndex].residual?.holds(slots) ?? true {
                if denied.isEmpty { denied = [Bool](repeating: false, count: bundleNames.count) }
                for bundle in rules[ruleIndex].deniedBundles { denied[bundle] = true }
            }
        }
        return denied
    }

    /// Every (output entry, rule, grant position) given for these slots after deny rules, sorted by entry then rule.
    func hits(_ slots: [PolicyValue]) -> [(entry: Int, rule: Int, grant: Int)] {
        let denied = deniedBundles(slots)
        var candidates: [Int] = []
        candidates.reserveCapacity(64)
        permitIndex.candidates(slots, into: &candidates)
        var hits: [(entry: Int, rule: Int, grant: Int)] = []
        hits.reserveCapacity(candidates.count + 8)
        rules.withUnsafeBufferPointer { rules in
            for ruleIndex in candidates where rules[ruleIndex].residual?.holds(slots) ?? true {
                for (position, grant) in rules[ruleIndex].grants.enumerated()
                where denied.isEmpty || !denied[grant.bundle] {
                    hits.append((grant.entry, ruleIndex, position))
                }
            }
        }
        hits.sort { $0.entry != $1.entry ? $0.entry < $1.entry : $0.rule < $1.rule }
        return hits
    }

    /// The output entries (distinct grant keys) given for these slots, ascending.
    func entryNumbers(_ slots: [PolicyValue]) -> [Int] {
        var numbers: [Int] = []
        for hit in hits(slots) where numbers.last != hit.entry { numbers.append(hit.entry) }
        return numbers
    }

    /// The deduplicated, ordered grants for these slots.
    func grants(_ slots: [PolicyValue]) -> [Grant] {
        let hits = hits(slots)
        return rules.withUnsafeBufferPointer { rules in
            var result: [Grant] = []
            result.reserveCapacity(hits.count)
            var previousEntry = -1
            for hit in hits {
                if hit.entry == previousEntry {
                    result[result.count - 1].merge(rules[hit.rule].grants[hit.grant].grant)
                } else {
                    result.append(rules[hit.rule].grants[hit.grant].grant)
                    previousEntry = hit.entry
                }
            }
            return result
        }
    }
}

extension Grant {
    /// Adds another policy's reason for the same grant: flags combine to the stricter.
    mutating func merge(_ other: Grant) {
        justifications += other.justifications
        critical = critical || other.critical
        if approval == nil { approval = other.approval }
        if bundle == nil { bundle = other.bundle }
    }
}
