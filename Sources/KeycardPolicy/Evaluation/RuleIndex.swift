/// Rules keyed on one attribute each: `attr == v` / `attr in [...]` conditions become hash lookups.
struct RuleIndex: Sendable {
    /// One attribute's table: employee value → rules whose indexed conjunct holds for that value.
    struct Table: Sendable {
        var slot: Int
        var rules: [PolicyValue: [Int]]
    }

    var tables: [Table]
    /// Rules with no indexable conjunct: always evaluated.
    var unindexed: [Int]

    /// The rules that can hold for these slots, each at most once.
    func candidates(_ slots: [PolicyValue], into result: inout [Int]) {
        result.append(contentsOf: unindexed)
        for table in tables {
            if let rules = table.rules[slots[table.slot]] { result.append(contentsOf: rules) }
        }
    }
}

/// Splits a rule's condition into the conjunct to index on and the rest to evaluate.
enum IndexPlanner {
    /// The conjuncts of a condition, with nested `&&` flattened.
    static func conjuncts(_ program: ConditionProgram) -> [ConditionProgram] {
        if case .and(let items) = program { return items.flatMap(conjuncts) }
        return [program]
    }

    static func indexKey(_ program: ConditionProgram) -> (slot: Int, values: Set<PolicyValue>)? {
        switch program {
        case .slotEquals(let slot, let value): return (slot, [value])
        case .slotIn(let slot, let values): return (slot, values)
        default: return nil
        }
    }

    /// Builds an index over `programs`; returns it and each rule's residual condition (nil = nothing left to test).
    static func build(_ programs: [ConditionProgram]) -> (index: RuleIndex, residuals: [ConditionProgram?]) {
        var distinctValues: [Int: Set<PolicyValue>] = [:]
        for program in programs {
            for conjunct in conjuncts(program) {
                if let key = indexKey(conjunct) { distinctValues[key.slot, default: []].formUnion(key.values) }
            }
        }
        var tables: [Int: [PolicyValue: [Int]]] = [:]
        var unindexed: [Int] = []
        var residuals: [ConditionProgram?] = []
        for (ruleIndex, program) in programs.enumerated() {
            let parts = conjuncts(program)
            let best = parts.indices
                .compactMap { position in indexKey(parts[position]).map { (position, $0) } }
                .max { lhs, rhs in
                    let left = (distinctValues[lhs.1.slot]?.count ?? 0, -lhs.1.values.count)
                    let right = (distinctValues[rhs.1.slot]?.count ?? 0, -rhs.1.values.count)
                    return left < right
                }
            guard let (position, key) = best else {
                unindexed.append(ruleIndex)
                residuals.append(isAlwaysTrue(program) ? nil : program)
                continue
            }
            for value in key.values { tables[key.slot, default: [:]][value, default: []].append(ruleIndex) }
            var rest = parts
            rest.remove(at: position)
            residuals.append(rest.isEmpty ? nil : (rest.count == 1 ? rest[0] : .and(rest)))
        }
        let index = RuleIndex(
            tables: tables.keys.sorted().map { RuleIndex.Table(slot: $0, rules: tables[$0]!) }, unindexed: unindexed)
        return (index, residuals)
    }

    static func isAlwaysTrue(_ program: ConditionProgram) -> Bool {
        if case .constant(.bool(true)) = program { return true }
        return false
    }
}
